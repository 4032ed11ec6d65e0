# Exercises str.encode/bytes.decode across codecs and error handlers, UTF-8/16/32 round trips, base64/binascii, escape codecs.
import base64
import binascii
import codecs

samples = ["plain ascii", "naïve café", "Ελληνικά", "日本語テキスト", "emoji 😀🎉", "mixed \x00\x7f\x80\uffff", "\U0010ffff"]
for s in samples:
    u8 = s.encode("utf-8")
    u16 = s.encode("utf-16-le")
    u32 = s.encode("utf-32-be")
    print(repr(s), len(s), len(u8), len(u16), len(u32), u8[:12].hex(), u8.decode() == s, u16.decode("utf-16-le") == s, u32.decode("utf-32-be") == s)

for s in samples[:5]:
    for enc in ("ascii", "latin-1", "cp1252"):
        for errors in ("strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace"):
            try:
                out = s.encode(enc, errors)
                print(enc, errors, out)
            except UnicodeEncodeError as exc:
                print(enc, errors, "UnicodeEncodeError", exc.start, exc.end, exc.reason)

bad = b"ok \xff\xfe bytes \xc3\x28 end \xe2\x82"
for errors in ("strict", "ignore", "replace", "backslashreplace", "surrogateescape"):
    try:
        text = bad.decode("utf-8", errors)
        print(errors, repr(text), text.encode("utf-8", "surrogateescape") == bad if errors == "surrogateescape" else "")
    except UnicodeDecodeError as exc:
        print(errors, "UnicodeDecodeError", exc.start, exc.end, exc.reason)

print("abc".encode("utf-16"), "abc".encode("utf-8-sig"), b"\xef\xbb\xbfabc".decode("utf-8-sig"))
print(codecs.encode("hello", "rot13"), codecs.decode(b"68656c6c6f", "hex"), codecs.encode(b"hi", "base64"))
print("tab\there\n\u00e9".encode("unicode_escape"), b"a\\tb\\u00e9".decode("unicode_escape"), "x\ny".encode("raw_unicode_escape"))
print(repr("é".encode("punycode")), "bücher".encode("idna"))

raw = bytes(range(0, 256, 3))
for fn in (base64.b64encode, base64.urlsafe_b64encode, base64.b32encode, base64.b16encode, base64.a85encode, base64.b85encode):
    enc = fn(raw)
    print(fn.__name__, enc[:32], len(enc))
print(base64.b64decode(base64.b64encode(raw)) == raw, base64.b32decode(base64.b32encode(raw)) == raw)
print(binascii.hexlify(b"\x01\xab", "-"), binascii.unhexlify("01ab"), binascii.crc32(b"hello"), binascii.b2a_base64(b"xyz"))
try:
    base64.b64decode(b"abc", validate=True)
except binascii.Error as exc:
    print("binascii.Error:", exc)

# Manual UTF-8 encoder in a loop, compared with the builtin
def utf8_encode(text):
    out = bytearray()
    for ch in text:
        cp = ord(ch)
        if cp < 0x80:
            out.append(cp)
        elif cp < 0x800:
            out += bytes([0xC0 | cp >> 6, 0x80 | cp & 0x3F])
        elif cp < 0x10000:
            out += bytes([0xE0 | cp >> 12, 0x80 | cp >> 6 & 0x3F, 0x80 | cp & 0x3F])
        else:
            out += bytes([0xF0 | cp >> 18, 0x80 | cp >> 12 & 0x3F, 0x80 | cp >> 6 & 0x3F, 0x80 | cp & 0x3F])
    return bytes(out)

mismatch = 0
checked = 0
for cp in range(0, 0x11000, 7):
    if 0xD800 <= cp <= 0xDFFF:
        continue
    ch = chr(cp)
    checked += 1
    if utf8_encode(ch) != ch.encode("utf-8"):
        mismatch += 1
print("manual utf8 checked", checked, "mismatch", mismatch)
big = "".join(chr(c) for c in range(0x20, 0x3000, 5))
print(utf8_encode(big) == big.encode(), len(big.encode("utf-8")), len(big.encode("utf-16")))
try:
    "\ud800".encode("utf-8")
except UnicodeEncodeError as exc:
    print("UnicodeEncodeError:", exc)
print("\ud800".encode("utf-8", "surrogatepass"), b"\xed\xa0\x80".decode("utf-8", "surrogatepass") == "\ud800")
