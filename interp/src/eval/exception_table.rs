//! CPython 3.11's exception table (`co_exceptiontable`): which handler, if any, covers an
//! instruction, at what stack depth, and whether the handler wants `lasti` pushed.
//!
//! Entries are sequences of varints (6 value bits per byte, 0x40 = more bytes follow; 0x80
//! marks the first byte of an entry): start, size, target, depth << 1 | lasti, in code units,
//! sorted by start.

/// The handler covering an instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    /// Code unit to jump to.
    pub target: usize,
    /// Stack depth to unwind to before pushing the exception.
    pub depth: usize,
    /// Whether the handler expects the faulting `lasti` below the exception.
    pub push_lasti: bool,
}

/// Reads one varint starting at `pos`; returns the value and the position after it.
fn read_varint(table: &[u8], mut pos: usize) -> Option<(usize, usize)> {
    let mut byte = *table.get(pos)?;
    let mut value = usize::from(byte & 63);
    while byte & 64 != 0 {
        pos += 1;
        byte = *table.get(pos)?;
        value = (value << 6) | usize::from(byte & 63);
    }
    Some((value, pos + 1))
}

/// The handler for the instruction at code unit `index`, if any.
pub fn find_handler(table: &[u8], index: usize) -> Option<Handler> {
    let mut pos = 0;
    while pos < table.len() {
        let (start, next) = read_varint(table, pos)?;
        if start > index {
            return None;
        }
        let (size, next) = read_varint(table, next)?;
        let (target, next) = read_varint(table, next)?;
        let (depth_lasti, next) = read_varint(table, next)?;
        if index < start + size {
            return Some(Handler {
                target,
                depth: depth_lasti >> 1,
                push_lasti: depth_lasti & 1 != 0,
            });
        }
        pos = next;
        // Skip to the next entry start (a byte with the 0x80 mark).
        while pos < table.len() && table[pos] & 128 == 0 {
            pos += 1;
        }
    }
    None
}

/// Encodes entries `(start, size, target, depth, lasti)` the way CPython's assembler does
/// (for tests that build code objects by hand).
#[cfg(test)]
pub(crate) fn encode(entries: &[(usize, usize, usize, usize, bool)]) -> Vec<u8> {
    fn varint(out: &mut Vec<u8>, value: usize, first: bool) {
        let mut groups = vec![value & 63];
        let mut rest = value >> 6;
        while rest > 0 {
            groups.push(rest & 63);
            rest >>= 6;
        }
        let last = groups.len() - 1;
        for (i, group) in groups.into_iter().rev().enumerate() {
            let mut byte = group as u8;
            if i < last {
                byte |= 64;
            }
            if first && i == 0 {
                byte |= 128;
            }
            out.push(byte);
        }
    }
    let mut out = Vec::new();
    for &(start, size, target, depth, lasti) in entries {
        varint(&mut out, start, true);
        varint(&mut out, size, false);
        varint(&mut out, target, false);
        varint(&mut out, depth << 1 | usize::from(lasti), false);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_covering_entries() {
        let table = encode(&[(2, 4, 20, 1, false), (10, 100, 300, 3, true)]);
        assert_eq!(find_handler(&table, 0), None);
        assert_eq!(
            find_handler(&table, 2),
            Some(Handler {
                target: 20,
                depth: 1,
                push_lasti: false
            })
        );
        assert_eq!(find_handler(&table, 5).map(|h| h.target), Some(20));
        assert_eq!(find_handler(&table, 6), None);
        assert_eq!(
            find_handler(&table, 109),
            Some(Handler {
                target: 300,
                depth: 3,
                push_lasti: true
            })
        );
        assert_eq!(find_handler(&table, 110), None);
        assert_eq!(find_handler(&[], 3), None);
        // Values that need more than one varint byte.
        let big = encode(&[(70, 5000, 9000, 200, true)]);
        assert_eq!(
            find_handler(&big, 4000),
            Some(Handler {
                target: 9000,
                depth: 200,
                push_lasti: true
            })
        );
    }
}
