# Exercises property with getter/setter/deleter, read-only properties, property inheritance and override, computed properties in hot loops, property() call form.


class Temperature:
    def __init__(self, celsius=0.0):
        self._c = celsius
        self.history = []

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero: %r" % value)
        self.history.append(value)
        self._c = value

    @celsius.deleter
    def celsius(self):
        self.history.append("deleted")
        self._c = 0.0

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9

    @property
    def kelvin(self):
        """Read-only."""
        return self._c + 273.15


t = Temperature(25)
print(t.celsius, t.fahrenheit, t.kelvin)
t.fahrenheit = 212
print(t.celsius, round(t.kelvin, 2))
del t.celsius
print(t.celsius, t.history)
try:
    t.kelvin = 5
except AttributeError as exc:
    print("AttributeError:", exc)
try:
    t.celsius = -300
except ValueError as exc:
    print("ValueError:", exc)
print(Temperature.kelvin.__doc__, type(Temperature.celsius).__name__, Temperature.celsius.fget.__name__)


class Rect:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def _get_area(self):
        return self.w * self.h

    def _set_area(self, a):
        ratio = (a / self._get_area()) ** 0.5
        self.w *= ratio
        self.h *= ratio

    area = property(_get_area, _set_area, None, "area via property()")


r = Rect(2, 8)
print(r.area)
r.area = 64
print(r.w, r.h, r.area, Rect.area.__doc__)
try:
    del r.area
except AttributeError as exc:
    print("AttributeError:", exc)


# Inheritance: override only the getter, reuse parent setter via property.setter on parent's property
class Base:
    def __init__(self):
        self._x = 0

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, v):
        self._x = v


class Doubled(Base):
    @Base.x.getter
    def x(self):
        return self._x * 2


class Clamped(Base):
    @Base.x.setter
    def x(self, v):
        self._x = max(0, min(10, v))


objs = [Base(), Doubled(), Clamped()]
for o in objs:
    o.x = 25
print([o.x for o in objs], [type(o).__name__ for o in objs])


# Properties evaluated in a hot loop, with state that changes type
class Counter:
    def __init__(self):
        self._n = 0

    @property
    def n(self):
        return self._n

    @n.setter
    def n(self, v):
        self._n = v

    @property
    def parity(self):
        return "even" if self._n % 2 == 0 else "odd"


c = Counter()
tally = {"even": 0, "odd": 0}
for i in range(4000):
    if i == 2000:
        c.n = float(c.n)
    elif i == 3000:
        c.n = 2 ** 64 + int(c.n)
    c.n = c.n + 1
    tally[c.parity] += 1
print(c.n, type(c.n).__name__, tally)


# Property replaced on the class mid-loop
class Gauge:
    def __init__(self, v):
        self.v = v

    @property
    def reading(self):
        return self.v


gg = Gauge(3)
readings = []
for i in range(10):
    if i == 5:
        Gauge.reading = property(lambda self: self.v * 100)
    readings.append(gg.reading)
print(readings)

# Instance dict cannot shadow a property (data descriptor)
gg.__dict__["reading"] = "shadow attempt"
print(gg.reading, vars(gg))


class Lazy:
    @property
    def boom(self):
        raise AttributeError("inner missing attribute")

    def __getattr__(self, name):
        return "__getattr__ fallback for " + name


print(Lazy().boom, hasattr(Temperature(), "nope"), getattr(Temperature(), "kelvin"))
