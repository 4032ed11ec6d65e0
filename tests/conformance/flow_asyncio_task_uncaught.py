# Uncaught exception raised in an asyncio task, awaited by main and surfaced by asyncio.run: traceback through task frames, exit 1.
import asyncio


class Inventory:
    def __init__(self):
        self.stock = {"apple": 3, "pear": 0}

    async def reserve(self, item, qty):
        await asyncio.sleep(0)
        available = self.stock[item]
        if available < qty:
            raise ValueError(f"only {available} {item}(s) left, wanted {qty}")
        self.stock[item] = available - qty
        return qty


async def place_order(inv, order_id, lines):
    reserved = []
    for item, qty in lines:
        reserved.append(await inv.reserve(item, qty))
        print(f"order {order_id}: reserved {qty} {item}")
    return sum(reserved)


async def main():
    inv = Inventory()
    ok = asyncio.create_task(place_order(inv, 1, [("apple", 2)]))
    print("order 1 total:", await ok)
    failing = asyncio.create_task(place_order(inv, 2, [("apple", 1), ("pear", 4)]))
    await asyncio.sleep(0)
    print("order 2 started, stock now", inv.stock)
    total = await failing
    print("not reached", total)


asyncio.run(main())
