//! Executable memory that is never writable and executable at once: pages are mapped
//! read-write, the code is copied in, then they are switched to read-execute for good.

use std::io;
use std::ptr::NonNull;

/// A block of read-execute memory holding machine code; unmapped on drop.
#[derive(Debug)]
pub struct CodeMem {
    ptr: NonNull<u8>,
    mapped: usize,
    len: usize,
}

// SAFETY: the mapping is immutable once made (read-execute), so sharing it is sound.
unsafe impl Send for CodeMem {}
// SAFETY: as above: no interior mutability.
unsafe impl Sync for CodeMem {}

impl CodeMem {
    /// Maps `code` into fresh read-execute pages.
    pub fn new(code: &[u8]) -> io::Result<CodeMem> {
        // SAFETY: sysconf has no preconditions.
        let page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) })
            .ok()
            .filter(|&p| p > 0)
            .unwrap_or(4096);
        let mapped = code.len().max(1).div_ceil(page) * page;
        // SAFETY: an anonymous private mapping at an address of the kernel's choosing.
        let raw = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                mapped,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if raw == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        let ptr = NonNull::new(raw.cast::<u8>()).ok_or_else(io::Error::last_os_error)?;
        // From here on, dropping `mem` unmaps the pages.
        let mem = CodeMem {
            ptr,
            mapped,
            len: code.len(),
        };
        // SAFETY: the mapping is `mapped >= code.len()` bytes, writable, and not aliased.
        unsafe { std::ptr::copy_nonoverlapping(code.as_ptr(), ptr.as_ptr(), code.len()) };
        // SAFETY: changing the protection of the pages this value owns.
        let rc = unsafe { libc::mprotect(raw, mapped, libc::PROT_READ | libc::PROT_EXEC) };
        if rc != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(mem)
    }

    /// The address of the first byte of code.
    pub fn as_ptr(&self) -> *const u8 {
        self.ptr.as_ptr()
    }

    /// The code's length in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The code, for disassembly.
    pub fn bytes(&self) -> &[u8] {
        // SAFETY: `len` readable bytes live as long as `self`.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl Drop for CodeMem {
    fn drop(&mut self) {
        // SAFETY: unmapping the pages this value mapped; nothing borrows them any more.
        unsafe { libc::munmap(self.ptr.as_ptr().cast(), self.mapped) };
    }
}
