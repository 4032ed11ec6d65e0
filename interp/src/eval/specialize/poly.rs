//! Polymorphic attribute sites: justjit's `LOAD_ATTR_POLY`, `LOAD_METHOD_POLY` and
//! `STORE_ATTR_POLY`, for a site that meets instances of several classes (a method of a base
//! class reading `self.x` for each subclass, `task.run()` over sibling task classes).
//!
//! 3.11 specializes such a site for one class, misses on the others and, after 53 misses, goes
//! back to the adaptive form and the generic lookup. Here the first miss whose class can be
//! read the same way (an instance value; a method on a class without a materialized dict) turns
//! the site into a table of up to [`ENTRIES`] (type version → how to read) entries; a class that
//! does not fit a full table counts a miss, and the site is megamorphic from then on (it goes
//! back to its adaptive form and is never made polymorphic again).
//!
//! The tables live in the code object's info (`CodeInfo::poly`), one per site, found by the
//! index in the site's inline cache (unit 3).

use std::cell::RefCell;

use crate::cpython::attrs::{self, Descr};
use crate::cpython::cursor::{FramePtr, InstrRef};
use crate::cpython::object::{Obj, Owned};
use crate::cpython::opcode::*;
use crate::stats;

use super::super::quicken::forms::{LOAD_ATTR_POLY, LOAD_METHOD_POLY, STORE_ATTR_POLY};
use super::super::quicken::MISS_BUDGET;
use super::miss;

/// Classes one polymorphic site tells apart.
pub(in crate::eval) const ENTRIES: usize = 4;

/// How a polymorphic site reads for one class.
#[derive(Clone, Copy, Default)]
pub(in crate::eval) struct Entry {
    pub type_version: u32,
    /// `LOAD_ATTR`, `STORE_ATTR`: the index into the values array.
    pub index: u16,
    /// `LOAD_METHOD`: the shared keys version of a class whose instances keep their attributes
    /// in a values array (`LOAD_METHOD_WITH_VALUES`), 0 for one without a dict
    /// (`LOAD_METHOD_NO_DICT`).
    pub keys_version: u32,
    /// `LOAD_METHOD`: the method (borrowed pointer bits, as in `LOAD_METHOD`'s cache).
    pub method: u64,
}

struct Site {
    /// The instruction the table belongs to (its address in the quickened copy).
    owner: usize,
    entries: [Entry; ENTRIES],
    len: usize,
    /// A class did not fit the full table: the site stays generic.
    megamorphic: bool,
}

/// The polymorphic sites of one code object.
#[derive(Default)]
pub(in crate::eval) struct Tables(RefCell<Vec<Site>>);

impl Tables {
    /// The entry of table `site` for `type_version`.
    #[inline(always)]
    pub fn find(&self, site: u16, type_version: u32) -> Option<Entry> {
        let sites = self.0.borrow();
        let site = sites.get(usize::from(site))?;
        site.entries[..site.len]
            .iter()
            .find(|e| e.type_version == type_version)
            .copied()
    }

    /// Makes `instr`'s table hold `first` and `second` (reusing the table it had before), or
    /// says why not.
    pub fn start(&self, instr: InstrRef, first: Entry, second: Entry) -> Result<u16, &'static str> {
        if first.type_version == second.type_version {
            return Err("same_class");
        }
        self.fill(instr, &[first, second], false)
    }

    /// Makes `instr`'s table (the one it had, or a new one) hold `entries`; one marked
    /// megamorphic stays so unless `reset`.
    fn fill(&self, instr: InstrRef, entries: &[Entry], reset: bool) -> Result<u16, &'static str> {
        let mut sites = self.0.borrow_mut();
        let at = match sites.iter().position(|s| s.owner == instr.addr()) {
            Some(at) if sites[at].megamorphic && !reset => return Err("megamorphic"),
            Some(at) => at,
            None => {
                sites.push(Site {
                    owner: instr.addr(),
                    entries: [Entry::default(); ENTRIES],
                    len: 0,
                    megamorphic: false,
                });
                sites.len() - 1
            }
        };
        let index = u16::try_from(at).map_err(|_| "out_of_range")?;
        let site = &mut sites[at];
        site.entries[..entries.len()].copy_from_slice(entries);
        site.len = entries.len();
        site.megamorphic = false;
        Ok(index)
    }

    /// Makes `instr`'s table hold `entry` alone (a site whose cache has no room for what it
    /// keeps, such as `LOAD_ATTR_CLASS`'s value), reusing the table it had before.
    pub fn single(&self, instr: InstrRef, entry: Entry) -> Result<u16, &'static str> {
        self.fill(instr, &[entry], true)
    }

    /// The first entry of table `site`.
    #[inline(always)]
    pub fn first(&self, site: u16) -> Option<Entry> {
        let sites = self.0.borrow();
        let site = sites.get(usize::from(site))?;
        (site.len > 0).then(|| site.entries[0])
    }

    /// Adds `entry` to table `site`; false (and the site marked megamorphic) when it is full.
    pub fn add(&self, site: u16, entry: Entry) -> bool {
        let mut sites = self.0.borrow_mut();
        let Some(site) = sites.get_mut(usize::from(site)) else {
            return false;
        };
        if site.len == ENTRIES {
            site.megamorphic = true;
            return false;
        }
        site.entries[site.len] = entry;
        site.len += 1;
        true
    }
}

// --- making and growing tables ----------------------------------------------------------------

/// The tables of the code object `frame` runs.
#[inline(always)]
pub(in crate::eval) fn tables(frame: &FramePtr) -> &Tables {
    &crate::eval::known_code_info(frame.code_ref()).poly
}

/// How `owner`'s class reads (or, `store`, writes) attribute `name`, if through its values
/// array: the conditions of `LOAD_ATTR_INSTANCE_VALUE` and `STORE_ATTR_INSTANCE_VALUE`.
fn instance_value_entry(owner: &Obj, name: &Obj, store: bool) -> Result<Entry, &'static str> {
    if owner.is_type() || attrs::is_exact_module(owner) {
        return Err("not_instance");
    }
    match attrs::classify(owner, name, store) {
        Descr::Absent | Descr::NonData => {}
        _ => return Err("descriptor"),
    }
    let index = attrs::shared_key_index(owner, name)?.ok_or("not_in_shared_keys")?;
    Ok(Entry {
        type_version: attrs::valid_type_version(owner).ok_or("no_type_version")?,
        index: u16::try_from(index).map_err(|_| "out_of_range")?,
        ..Entry::default()
    })
}

/// How `owner`'s class finds method `name`, if as `LOAD_METHOD_WITH_VALUES` (instances keep
/// their attributes in a values array without `name`) or `LOAD_METHOD_NO_DICT` would.
pub(in crate::eval) fn method_entry(owner: &Obj, name: &Obj) -> Result<Entry, &'static str> {
    if owner.is_type() || attrs::is_exact_module(owner) {
        return Err("not_instance");
    }
    let Descr::Method(method) = attrs::classify(owner, name, false) else {
        return Err("not_method");
    };
    let type_version = attrs::valid_type_version(owner).ok_or("no_type_version")?;
    let keys_version = if attrs::has_managed_dict(owner) {
        match attrs::shared_key_index(owner, name)? {
            Some(_) => return Err("is_attr"),
            None => attrs::shared_keys_version(owner).ok_or("out_of_versions")?,
        }
    } else if attrs::dict_offset(owner) == 0 {
        0
    } else {
        return Err("dict_offset");
    };
    Ok(Entry {
        type_version,
        keys_version,
        method: attrs::cache_bits(method),
        ..Entry::default()
    })
}

/// The entry a monomorphic instance-value site (`LOAD_ATTR_INSTANCE_VALUE`,
/// `STORE_ATTR_INSTANCE_VALUE`) holds in its cache.
fn cached_instance_value(instr: InstrRef) -> Entry {
    Entry {
        type_version: instr.cache_u32(1),
        index: instr.cache(3),
        ..Entry::default()
    }
}

/// The entry a monomorphic method site holds in its cache (`with_values`: the
/// `LOAD_METHOD_WITH_VALUES` form, whose unit 4-5 is the keys version).
pub(in crate::eval) fn cached_method(instr: InstrRef, with_values: bool) -> Entry {
    Entry {
        type_version: instr.cache_u32(1),
        keys_version: if with_values { instr.cache_u32(4) } else { 0 },
        method: instr.cache_u64(6),
        ..Entry::default()
    }
}

/// A monomorphic site of family `base` missed on `owner`: when `owner`'s class reads the same
/// way (`second`), the site becomes polymorphic (`poly_form`, table index in unit 3); otherwise
/// the miss counts as usual (`adaptive` after the budget).
fn go_polymorphic(
    tables: &Tables,
    instr: InstrRef,
    first: Entry,
    second: Result<Entry, &'static str>,
    (base, adaptive, poly_form): (u8, u8, u8),
) {
    miss(instr, base, adaptive);
    if instr.opcode() == adaptive {
        return;
    }
    if let Ok(site) = second.and_then(|second| tables.start(instr, first, second)) {
        stats::local().family_of(base).success.bump_with_gil();
        instr.set_opcode(poly_form);
        instr.set_cache(0, MISS_BUDGET);
        instr.set_cache(3, site);
    }
}

/// A polymorphic site missed on `owner`: its class joins the table when it reads the same way
/// and the table has room; the miss counts as usual.
fn grow(
    tables: &Tables,
    instr: InstrRef,
    entry: Result<Entry, &'static str>,
    (base, adaptive): (u8, u8),
) {
    miss(instr, base, adaptive);
    if instr.opcode() == adaptive {
        return;
    }
    if let Ok(entry) = entry {
        if tables.add(instr.cache(3), entry) {
            stats::local().family_of(base).success.bump_with_gil();
        }
    }
}

/// `LOAD_ATTR_INSTANCE_VALUE` or `STORE_ATTR_INSTANCE_VALUE` (`store`) missed on `owner`.
#[cold]
#[inline(never)]
pub(in crate::eval) fn instance_value_missed(
    frame: FramePtr,
    instr: InstrRef,
    owner: &Obj,
    name: &Obj,
    store: bool,
) {
    let forms = if store {
        (STORE_ATTR, STORE_ATTR_ADAPTIVE, STORE_ATTR_POLY)
    } else {
        (LOAD_ATTR, LOAD_ATTR_ADAPTIVE, LOAD_ATTR_POLY)
    };
    let second = instance_value_entry(owner, name, store);
    go_polymorphic(
        tables(&frame),
        instr,
        cached_instance_value(instr),
        second,
        forms,
    );
}

/// `LOAD_ATTR_POLY` or `STORE_ATTR_POLY` (`store`) missed on `owner`.
#[cold]
#[inline(never)]
pub(in crate::eval) fn instance_value_poly_missed(
    frame: FramePtr,
    instr: InstrRef,
    owner: &Obj,
    name: &Obj,
    store: bool,
) {
    let family = if store {
        (STORE_ATTR, STORE_ATTR_ADAPTIVE)
    } else {
        (LOAD_ATTR, LOAD_ATTR_ADAPTIVE)
    };
    grow(
        tables(&frame),
        instr,
        instance_value_entry(owner, name, store),
        family,
    );
}

/// `LOAD_METHOD_WITH_VALUES` or `LOAD_METHOD_NO_DICT` (`with_values` false) missed on `owner`.
#[cold]
#[inline(never)]
pub(in crate::eval) fn method_missed(
    frame: FramePtr,
    instr: InstrRef,
    owner: &Obj,
    name: &Obj,
    with_values: bool,
) {
    let forms = (LOAD_METHOD, LOAD_METHOD_ADAPTIVE, LOAD_METHOD_POLY);
    let second = method_entry(owner, name);
    go_polymorphic(
        tables(&frame),
        instr,
        cached_method(instr, with_values),
        second,
        forms,
    );
}

/// `LOAD_METHOD_POLY` missed on `owner`.
#[cold]
#[inline(never)]
pub(in crate::eval) fn method_poly_missed(
    frame: FramePtr,
    instr: InstrRef,
    owner: &Obj,
    name: &Obj,
) {
    grow(
        tables(&frame),
        instr,
        method_entry(owner, name),
        (LOAD_METHOD, LOAD_METHOD_ADAPTIVE),
    );
}

// --- reading through a table -------------------------------------------------------------------

/// `LOAD_ATTR_POLY`'s guard and read.
#[inline(always)]
pub(in crate::eval) fn instance_value<'a>(
    tables: &Tables,
    instr: InstrRef,
    owner: &'a Obj,
) -> Option<&'a Obj> {
    let entry = tables.find(instr.cache(3), attrs::type_version(owner))?;
    attrs::instance_value(owner, entry.type_version, entry.index)
}

/// `STORE_ATTR_POLY`'s guard and store (`Err` gives the value back).
#[inline(always)]
pub(in crate::eval) fn store_instance_value(
    tables: &Tables,
    instr: InstrRef,
    owner: &Obj,
    value: Owned,
) -> Result<(), Owned> {
    match tables.find(instr.cache(3), attrs::type_version(owner)) {
        Some(entry) => attrs::store_instance_value(owner, entry.type_version, entry.index, value),
        None => Err(value),
    }
}

/// `LOAD_METHOD_POLY`'s guard and read: the method.
#[inline(always)]
pub(in crate::eval) fn method<'a>(
    tables: &Tables,
    instr: InstrRef,
    owner: &'a Obj,
) -> Option<&'a Obj> {
    let entry = tables.find(instr.cache(3), attrs::type_version(owner))?;
    if entry.keys_version != 0 {
        attrs::method_with_values(owner, entry.type_version, entry.keys_version, entry.method)
    } else {
        attrs::method_no_dict(owner, entry.type_version, entry.method)
    }
}
