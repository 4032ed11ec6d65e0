# Exercises bytes/bytearray/memoryview: literals, methods, mutation, slicing, hex, int iteration, checksums in hot loops.

b = b"Hello, \x00\xffWorld"
print(b, len(b), b[0], b[-1], b[7:9], list(b[:5]), b.hex(), b.hex(":", 4), bytes.fromhex("de ad be ef"))
print(b.upper(), b.lower(), b.split(b","), b.replace(b"l", b"L"), b.find(b"World"), b.count(b"l"), b.startswith(b"Hell"))
print(b"  pad ".strip(), b"a-b-c".split(b"-"), b"-".join([b"x", b"y"]), b"abc" + b"def", b"ab" * 3, b"%d-%s" % (5, b"z"))
print(bytes(5), bytes([65, 66, 67]), bytes(range(250, 256)), bytes("ümlaut", "utf-8"), b"x" in b"xyz", 120 in b"xyz")
print(b"abc" < b"abd", b"abc" == bytearray(b"abc"), b"\x00" < b"\x00\x00", b"".join(bytes([i]) for i in range(65, 70)))
print(b"abc".isalpha(), b"123".isdigit(), b"Ab Cd".istitle(), b"hello world".title(), b"tab\tx".expandtabs(4), b"x".center(5, b"."))
try:
    bytes([256])
except ValueError as exc:
    print("ValueError:", exc)
try:
    b"abc"[0] = 1
except TypeError as exc:
    print("TypeError:", exc)
try:
    b"a" + "b"
except TypeError as exc:
    print("TypeError:", exc)

ba = bytearray(b"mutable bytes")
ba[0] = ord("M")
ba[-5:] = b"BYTES!!"
ba.extend(b" more")
ba.append(33)
ba.insert(0, 62)
del ba[1:3]
print(ba, len(ba), ba.pop(), ba.pop(0), ba)
ba.reverse()
print(ba, ba.index(b"S"), bytes(ba[::2]))
ba[2:6] = b""
ba += b"++"
ba *= 2
print(ba, ba.count(b"+"), ba.rstrip(b"+"), ba.removeprefix(b"er"))
ba.clear()
print(ba, len(ba), bool(ba))

mv = memoryview(bytearray(range(16)))
print(mv[3], mv[2:6].tobytes(), mv.nbytes, mv.readonly, list(mv[::5]))
mv[0:4] = b"\xff\xfe\xfd\xfc"
print(mv.tobytes().hex(), mv.cast("H")[0], mv.cast("I").tolist()[:2])
sub = mv[8:]
sub[0] = 0xAA
print(mv.tobytes().hex())

# Checksums in hot loops: Adler-32, CRC-32 (table-driven), Fletcher-16
data = bytes((i * 31 + 7) % 256 for i in range(5000))

def adler32(buf):
    a, b2 = 1, 0
    for byte in buf:
        a = (a + byte) % 65521
        b2 = (b2 + a) % 65521
    return (b2 << 16) | a

table = []
for n in range(256):
    c = n
    for _ in range(8):
        c = (0xEDB88320 ^ (c >> 1)) if c & 1 else (c >> 1)
    table.append(c)

def crc32(buf):
    c = 0xFFFFFFFF
    for byte in buf:
        c = table[(c ^ byte) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF

def fletcher16(buf):
    s1 = s2 = 0
    for byte in buf:
        s1 = (s1 + byte) % 255
        s2 = (s2 + s1) % 255
    return (s2 << 8) | s1

import zlib
print("adler", hex(adler32(data)), adler32(data) == zlib.adler32(data))
print("crc32", hex(crc32(data)), crc32(data) == zlib.crc32(data))
print("fletcher16", hex(fletcher16(data)))

# Run-length encoding of bytes
def rle(buf):
    out = bytearray()
    i = 0
    while i < len(buf):
        j = i
        while j < len(buf) and buf[j] == buf[i] and j - i < 255:
            j += 1
        out += bytes([j - i, buf[i]])
        i = j
    return bytes(out)

def unrle(buf):
    out = bytearray()
    for k in range(0, len(buf), 2):
        out += bytes([buf[k + 1]]) * buf[k]
    return bytes(out)

raw = b"aaaabbbcccccccccccd" + b"\x00" * 300 + b"xyz" * 4
enc = rle(raw)
print(enc.hex(), unrle(enc) == raw, len(raw), len(enc))
print(int.from_bytes(b"\x12\x34\x56", "big"), int.from_bytes(b"\x12\x34\x56", "little"), (1024).to_bytes(4, "little"))
print(bytes.maketrans(b"abc", b"xyz"), b"aabbcc".translate(bytes.maketrans(b"abc", b"xyz"), b"b"))
print(repr(bytes(range(0, 256, 17))), bytearray(b"\x7f\x80"), str(bytearray(b"q")))
