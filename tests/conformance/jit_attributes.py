# Instance attribute loads and stores in hot loops (obj.x, self.count += 1): attributes added and deleted mid-loop, class attribute vs instance attribute shadowing that changes mid-loop, objects of different classes flowing through the same loop, AttributeError caught.


class Counter:
    step = 1

    def __init__(self):
        self.count = 0
        self.total = 0

    def run(self, n):
        for i in range(n):
            self.count += 1
            self.total += i * self.step
        return self.count, self.total


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Other:
    x = 1000
    y = 2000


def sum_points(points):
    sx = 0
    sy = 0
    for p in points:
        sx += p.x
        sy += p.y
    return sx, sy


def move_points(points, n):
    for i in range(n):
        for p in points:
            p.x = p.x + 1
            p.y -= 2
    return [(p.x, p.y) for p in points]


def shadow_mid_loop():
    c = Counter()
    log = []
    for i in range(60):
        if i == 20:
            c.step = 10          # instance attribute shadows the class attribute
        if i == 40:
            del c.step           # class attribute visible again
        if i == 50:
            Counter.step = 3     # class attribute changed
        c.total += c.step
        log.append(c.step)
    Counter.step = 1
    return c.total, log[18:23], log[38:43], log[48:53]


def add_delete_attr():
    p = Point(0, 0)
    seen = []
    for i in range(40):
        if i == 10:
            p.extra = 0
        if i >= 10 and i < 30:
            p.extra += i
        if i == 30:
            seen.append(("extra", p.extra))
            del p.extra
        try:
            p.extra
            has = True
        except AttributeError as e:
            has = str(e)
        if i in (9, 10, 29, 30, 31):
            seen.append((i, has))
    return seen, sorted(vars(p))


def attribute_error_mid_loop(objs):
    total = 0
    missing = []
    for i in range(len(objs)):
        try:
            total += objs[i].z
        except AttributeError as e:
            missing.append((i, str(e)))
    return total, missing


def class_change_mid_loop():
    objs = [Point(i, -i) for i in range(30)]
    objs[12] = Point3(100, 200, 300)
    objs[20] = Other()
    objs[25].__class__ = Point3
    objs[25].z = 5
    return sum_points(objs), attribute_error_mid_loop(objs)[0]


def dict_attr_count():
    p = Point(1, 2)
    for i in range(30):
        setattr(p, f"a{i % 5}", i)
        p.x += getattr(p, f"a{i % 5}")
    return sorted(vars(p).items())


def class_attribute_store():
    class Cfg:
        level = 0

    for i in range(25):
        Cfg.level += i
        if i == 12:
            Cfg.extra = "x"
    return Cfg.level, Cfg.extra


def many_instances():
    pts = [Point(i, i * i) for i in range(100)]
    best = pts[0]
    for p in pts:
        if p.y - p.x * 50 > best.y - best.x * 50:
            best = p
    return best.x, best.y


def main():
    c = Counter()
    print("counter:", c.run(100), c.run(0), c.run(3), vars(c))
    print("sum_points:", sum_points([Point(i, 2 * i) for i in range(50)]))
    print("sum_points float:", sum_points([Point(i, 2 * i) for i in range(5)] + [Point(0.5, 0.25)]))
    pts = [Point(1, 1), Point(10, 20)]
    print("move_points:", move_points(pts, 30))
    print("shadow:", shadow_mid_loop(), Counter.step)
    print("add_delete:", add_delete_attr())
    objs = [Point3(i, i, i) for i in range(10)]
    objs[4] = Point(1, 1)
    objs[7] = None
    print("attribute_error:", attribute_error_mid_loop(objs))
    print("class_change:", class_change_mid_loop())
    print("dict_attr:", dict_attr_count())
    print("class_store:", class_attribute_store())
    print("many:", many_instances())

    # module-level loop over instance attributes
    acc = Point(0, 0)
    for i in range(50):
        acc.x += i
        acc.y = acc.y * 2 + 1 if i < 70 else 0
    print("module:", acc.x, acc.y)


main()
