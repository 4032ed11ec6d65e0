# Class attributes read in hot loops (LOAD_ATTR_CLASS, LOAD_METHOD_CLASS), compiled from the
# interpreter's caches: the class's version, the value's own class gaining __get__, another
# class in the same place, a deleted attribute, a subclass, a class replaced mid-loop.


class Strength:
    def __init__(self, s):
        self.s = s

    def __repr__(self):
        return f"Strength({self.s})"


Strength.REQUIRED = Strength(0)
Strength.WEAK = Strength(5)


class K:
    LIMIT = 3

    def helper(x):
        return x * 2


class Sub(K):
    pass


def reads(n):
    out = []
    cls = K
    for i in range(n):
        try:
            out.append(str(Strength.REQUIRED.s) + " " + str(cls.LIMIT) + " " + cls.helper.__name__)
        except AttributeError as e:
            out.append(str(e))
        if i == 20:
            K.LIMIT = 30
        elif i == 25:
            Strength.REQUIRED = Strength(-1)
        elif i == 30:
            cls = Sub
        elif i == 35:
            Sub.LIMIT = "sub"
        elif i == 40:
            del Sub.LIMIT
            del K.LIMIT
        elif i == 45:
            K.LIMIT = 4
            K.helper = lambda x: -x
    return out


result = reads(50)
for i in (0, 19, 21, 26, 31, 36, 41, 46, 49):
    print(i, result[i])


# The value's class gains __get__ while the loop reads it from the class.
class Value:
    pass


class Holder:
    v = Value()


def descriptor_later(n):
    out = []
    for i in range(n):
        out.append(type(Holder.v).__name__)
        if i == 30:
            Value.__get__ = lambda self, obj, cls: "via __get__"
    return out


r = descriptor_later(40)
print(r[0], r[30], r[31], r[-1])


# Methods read from a class object (LOAD_METHOD_CLASS): builtin method descriptors.
def methods(n):
    total = 0
    for i in range(n):
        total += int.bit_length(i) + str.count("abcabc", "a")
    return total


print(methods(300))
