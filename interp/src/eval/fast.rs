//! Fast paths inside the generic instructions for the operand types 3.11's interpreter also
//! handles without a generic call: small ints (one 30-bit digit) and floats for arithmetic and
//! comparisons. Each returns `None` when it does not apply (other types, big ints, division by
//! zero, negative shifts…), and the instruction takes CPython's generic path, which gives the
//! result or the exception.

use crate::cpython::fastpath::{float_or_small_int, float_value, new_float, new_int, small_int};
use crate::cpython::object::{Obj, Owned, PyResult};

// BINARY_OP's opargs (`opcode._nb_ops`); the in-place forms are these plus 13, and behave the
// same on (immutable) ints and floats.
const ADD: u32 = 0;
const AND: u32 = 1;
const FLOOR_DIVIDE: u32 = 2;
const LSHIFT: u32 = 3;
const MULTIPLY: u32 = 5;
const REMAINDER: u32 = 6;
const OR: u32 = 7;
const RSHIFT: u32 = 9;
const SUBTRACT: u32 = 10;
const TRUE_DIVIDE: u32 = 11;
const XOR: u32 = 12;
const INPLACE_OFFSET: u32 = 13;

/// Python's floor division of ints (`y != 0`).
fn floor_div(x: i64, y: i64) -> i64 {
    let q = x / y;
    if x % y != 0 && ((x < 0) != (y < 0)) {
        q - 1
    } else {
        q
    }
}

/// Python's modulo of ints (`y != 0`): the result has the sign of `y`.
fn python_mod(x: i64, y: i64) -> i64 {
    let r = x % y;
    if r != 0 && ((r < 0) != (y < 0)) {
        r + y
    } else {
        r
    }
}

/// `a <op> b` for small ints and floats.
#[inline(always)]
pub(super) fn binary_op(op: u32, a: &Obj, b: &Obj) -> Option<PyResult<Owned>> {
    let op = if op >= INPLACE_OFFSET {
        op - INPLACE_OFFSET
    } else {
        op
    };
    if let (Some(x), Some(y)) = (small_int(a), small_int(b)) {
        // |x|, |y| < 2**30: sums, products and the shifts below stay far inside i64.
        let result = match op {
            ADD => x + y,
            SUBTRACT => x - y,
            MULTIPLY => x * y,
            AND => x & y,
            OR => x | y,
            XOR => x ^ y,
            FLOOR_DIVIDE if y != 0 => floor_div(x, y),
            REMAINDER if y != 0 => python_mod(x, y),
            LSHIFT if (0..32).contains(&y) => x << y,
            RSHIFT if y >= 0 => x >> y.min(63),
            // Both operands are exact in a double, so the quotient is correctly rounded, as
            // long_true_divide's is.
            TRUE_DIVIDE if y != 0 => return Some(new_float(x as f64 / y as f64)),
            _ => return None,
        };
        return Some(new_int(result));
    }
    // At least one float (two small ints were handled above); a small int converts exactly.
    if float_value(a).is_none() && float_value(b).is_none() {
        return None;
    }
    let (x, y) = (float_or_small_int(a)?, float_or_small_int(b)?);
    let result = match op {
        ADD => x + y,
        SUBTRACT => x - y,
        MULTIPLY => x * y,
        TRUE_DIVIDE if y != 0.0 => x / y,
        _ => return None,
    };
    Some(new_float(result))
}

/// Python's rich comparison `op` (COMPARE_OP's oparg, `Py_LT`..`Py_GE`) of two ordered values.
#[inline(always)]
pub(super) fn decide<T: PartialOrd>(op: u32, x: T, y: T) -> Option<bool> {
    Some(match op {
        0 => x < y,
        1 => x <= y,
        2 => x == y,
        3 => x != y,
        4 => x > y,
        5 => x >= y,
        _ => return None,
    })
}

/// `a <op> b` (`op` is COMPARE_OP's oparg, `Py_LT`..`Py_GE`) for two small ints or two floats.
#[inline(always)]
pub(super) fn compare(op: u32, a: &Obj, b: &Obj) -> Option<bool> {
    if let (Some(x), Some(y)) = (small_int(a), small_int(b)) {
        return decide(op, x, y);
    }
    if let (Some(x), Some(y)) = (float_value(a), float_value(b)) {
        return decide(op, x, y);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_division_follows_python() {
        for (x, y) in [
            (7, 2),
            (-7, 2),
            (7, -2),
            (-7, -2),
            (6, 3),
            (-6, 3),
            (0, 5),
            (1, -1),
        ] {
            let (q, r) = (floor_div(x, y), python_mod(x, y));
            assert_eq!(q * y + r, x, "{x} {y}");
            assert!(r == 0 || (r < 0) == (y < 0), "{x} % {y} = {r}");
            assert_eq!(q as f64, (x as f64 / y as f64).floor(), "{x} // {y}");
        }
    }
}
