;; A WASI reactor that tries to reach what a sandboxed guest must not see: its arguments, the
;; environment, preopened directories, files and stdin. `probe` writes one line to stdout per
;; attempt: the call, the errno it got, and what it found in its out-parameters. Every
;; out-parameter is filled with 0xAA bytes first, so "untouched" shows the host wrote nothing.
;; It also has the exports of the Scheme guest's ABI, so that the host can set it up as a
;; SchemeInterpreter: `eval` runs the probe and prints the result line the host reads back.
(module
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_get" (func $fd_prestat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_dir_name" (func $fd_prestat_dir_name (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_filestat_get" (func $path_filestat_get (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_readdir" (func $fd_readdir (param i32 i32 i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))

  (memory (export "memory") 1)

  ;; 0x100..0x1ff: out-parameters; 0x800: the line being built; 0xc00: an iovec for fd_write
  (global $line_end (mut i32) (i32.const 0x800))

  (data (i32.const 0x40) "/etc/passwd")
  (data (i32.const 0x60) "secret")
  (data (i32.const 0x80) ".")

  (func (export "_initialize"))

  ;; ---- building and writing a line -------------------------------------------------------
  (func $text (param $ptr i32) (param $len i32)
    (memory.copy (global.get $line_end) (local.get $ptr) (local.get $len))
    (global.set $line_end (i32.add (global.get $line_end) (local.get $len))))
  (func $char (param $c i32)
    (i32.store8 (global.get $line_end) (local.get $c))
    (global.set $line_end (i32.add (global.get $line_end) (i32.const 1))))
  ;; an unsigned decimal number
  (func $number (param $n i32)
    (if (i32.ge_u (local.get $n) (i32.const 10))
      (then (call $number (i32.div_u (local.get $n) (i32.const 10)))))
    (call $char (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10)))))
  ;; " key=value" with a name of up to 12 characters stored at 0x20
  (func $field (param $name i64) (param $name_len i32) (param $value i32)
    (call $char (i32.const 32))
    (i64.store (i32.const 0x20) (local.get $name))
    (call $text (i32.const 0x20) (local.get $name_len))
    (call $char (i32.const 61))
    (call $number (local.get $value)))
  (func $end_line
    (call $char (i32.const 10))
    (i32.store (i32.const 0xc00) (i32.const 0x800))
    (i32.store (i32.const 0xc04) (i32.sub (global.get $line_end) (i32.const 0x800)))
    (drop (call $fd_write (i32.const 1) (i32.const 0xc00) (i32.const 1) (i32.const 0xc08)))
    (global.set $line_end (i32.const 0x800)))

  ;; ---- out-parameters ----------------------------------------------------------------------
  (func $poison
    (memory.fill (i32.const 0x100) (i32.const 0xaa) (i32.const 0x100)))
  ;; 1 when the 32-bit word at the address still holds the poison
  (func $untouched (param $at i32) (result i32)
    (i32.eq (i32.load (local.get $at)) (i32.const 0xaaaaaaaa)))

  (data (i32.const 0x300) "args_sizes_get")
  (data (i32.const 0x310) "args_get")
  (data (i32.const 0x320) "environ_sizes_get")
  (data (i32.const 0x340) "environ_get")
  (data (i32.const 0x350) "fd_prestat_get")
  (data (i32.const 0x360) "fd_prestat_dir_name")
  (data (i32.const 0x380) "path_open")
  (data (i32.const 0x390) "path_filestat_get")
  (data (i32.const 0x3b0) "fd_readdir")
  (data (i32.const 0x3c0) "fd_read")
  (data (i32.const 0x3d0) "fd_write")

  ;; field names as little-endian i64 words: "errno", "count", "bytes", "fd", "out", "nread"
  (func $probe (export "probe")
    (local $errno i32) (local $fd i32)

    ;; args_sizes_get(count_out, bytes_out)
    (call $poison)
    (local.set $errno (call $args_sizes_get (i32.const 0x100) (i32.const 0x104)))
    (call $text (i32.const 0x300) (i32.const 14))
    (call $field (i64.const 0x6f6e727265) (i32.const 5) (local.get $errno))
    (call $field (i64.const 0x746e756f63) (i32.const 5) (i32.load (i32.const 0x100)))
    (call $field (i64.const 0x7365747962) (i32.const 5) (i32.load (i32.const 0x104)))
    (call $end_line)

    ;; args_get(argv_out, argv_buf_out)
    (call $poison)
    (local.set $errno (call $args_get (i32.const 0x100) (i32.const 0x140)))
    (call $text (i32.const 0x310) (i32.const 8))
    (call $field (i64.const 0x6f6e727265) (i32.const 5) (local.get $errno))
    (call $field (i64.const 0x74756f) (i32.const 3)
      (i32.and (call $untouched (i32.const 0x100)) (call $untouched (i32.const 0x140))))
    (call $end_line)

    ;; environ_sizes_get(count_out, bytes_out)
    (call $poison)
    (local.set $errno (call $environ_sizes_get (i32.const 0x100) (i32.const 0x104)))
    (call $text (i32.const 0x320) (i32.const 17))
    (call $field (i64.const 0x6f6e727265) (i32.const 5) (local.get $errno))
    (call $field (i64.const 0x746e756f63) (i32.const 5) (i32.load (i32.const 0x100)))
    (call $field (i64.const 0x7365747962) (i32.const 5) (i32.load (i32.const 0x104)))
    (call $end_line)

    ;; environ_get(environ_out, environ_buf_out)
    (call $poison)
    (local.set $errno (call $environ_get (i32.const 0x100) (i32.const 0x140)))
    (call $text (i32.const 0x340) (i32.const 11))
    (call $field (i64.const 0x6f6e727265) (i32.const 5) (local.get $errno))
    (call $field (i64.const 0x74756f) (i32.const 3)
      (i32.and (call $untouched (i32.const 0x100)) (call $untouched (i32.const 0x140))))
    (call $end_line)

    ;; fd_prestat_get and fd_prestat_dir_name for fds 3, 4 and 5: where preopens would be
    (local.set $fd (i32.const 3))
    (loop $fds
      (call $poison)
      (local.set $errno (call $fd_prestat_get (local.get $fd) (i32.const 0x100)))
      (call $text (i32.const 0x350) (i32.const 14))
      (call $field (i64.const 0x6466) (i32.const 2) (local.get $fd))
      (call $field (i64.const 0x6f6e727265) (i32.const 5) (local.get $errno))
      (call $field (i64.const 0x74756f) (i32.const 3) (call $untouched (i32.const 0x100)))
      (call $end_line)

      (call $poison)
      (local.set $errno (call $fd_prestat_dir_name (local.get $fd) (i32.const 0x100) (i32.const 64)))
      (call $text (i32.const 0x360) (i32.const 19))
      (call $field (i64.const 0x6466) (i32.const 2) (local.get $fd))
      (call $field (i64.const 0x6f6e727265) (i32.const 5) (local.get $errno))
      (call $field (i64.const 0x74756f) (i32.const 3) (call $untouched (i32.const 0x100)))
      (call $end_line)

      (local.set $fd (i32.add (local.get $fd) (i32.const 1)))
      (br_if $fds (i32.le_u (local.get $fd) (i32.const 5))))

    ;; path_open(dirfd, dirflags, path, path_len, oflags, rights, inheriting, fdflags, fd_out)
    ;; for /etc/passwd from fd 3, and for "secret" from stdin's fd 0, all rights asked for
    (call $poison)
    (local.set $errno (call $path_open (i32.const 3) (i32.const 1) (i32.const 0x40) (i32.const 11)
      (i32.const 0) (i64.const -1) (i64.const -1) (i32.const 0) (i32.const 0x100)))
    (call $text (i32.const 0x380) (i32.const 9))
    (call $field (i64.const 0x6466) (i32.const 2) (i32.const 3))
    (call $field (i64.const 0x6f6e727265) (i32.const 5) (local.get $errno))
    (call $field (i64.const 0x74756f) (i32.const 3) (call $untouched (i32.const 0x100)))
    (call $end_line)
    (call $poison)
    (local.set $errno (call $path_open (i32.const 0) (i32.const 0) (i32.const 0x60) (i32.const 6)
      (i32.const 1) (i64.const -1) (i64.const -1) (i32.const 0) (i32.const 0x100)))
    (call $text (i32.const 0x380) (i32.const 9))
    (call $field (i64.const 0x6466) (i32.const 2) (i32.const 0))
    (call $field (i64.const 0x6f6e727265) (i32.const 5) (local.get $errno))
    (call $field (i64.const 0x74756f) (i32.const 3) (call $untouched (i32.const 0x100)))
    (call $end_line)

    ;; path_filestat_get(3, follow symlinks, ".", 1, filestat_out)
    (call $poison)
    (local.set $errno (call $path_filestat_get (i32.const 3) (i32.const 1) (i32.const 0x80) (i32.const 1) (i32.const 0x100)))
    (call $text (i32.const 0x390) (i32.const 17))
    (call $field (i64.const 0x6466) (i32.const 2) (i32.const 3))
    (call $field (i64.const 0x6f6e727265) (i32.const 5) (local.get $errno))
    (call $field (i64.const 0x74756f) (i32.const 3) (call $untouched (i32.const 0x100)))
    (call $end_line)

    ;; fd_readdir(3, buf, 64, cookie 0, bufused_out)
    (call $poison)
    (local.set $errno (call $fd_readdir (i32.const 3) (i32.const 0x140) (i32.const 64) (i64.const 0) (i32.const 0x100)))
    (call $text (i32.const 0x3b0) (i32.const 10))
    (call $field (i64.const 0x6466) (i32.const 2) (i32.const 3))
    (call $field (i64.const 0x6f6e727265) (i32.const 5) (local.get $errno))
    (call $field (i64.const 0x74756f) (i32.const 3)
      (i32.and (call $untouched (i32.const 0x100)) (call $untouched (i32.const 0x140))))
    (call $end_line)

    ;; fd_read from stdin (0) and from fd 3, one 64-byte iovec at 0x180 -> 0x140
    (local.set $fd (i32.const 0))
    (loop $reads
      (call $poison)
      (i32.store (i32.const 0x180) (i32.const 0x140))
      (i32.store (i32.const 0x184) (i32.const 64))
      (local.set $errno (call $fd_read (local.get $fd) (i32.const 0x180) (i32.const 1) (i32.const 0x100)))
      (call $text (i32.const 0x3c0) (i32.const 7))
      (call $field (i64.const 0x6466) (i32.const 2) (local.get $fd))
      (call $field (i64.const 0x6f6e727265) (i32.const 5) (local.get $errno))
      (call $field (i64.const 0x646165726e) (i32.const 5)
        (select (i32.const -1) (i32.load (i32.const 0x100)) (call $untouched (i32.const 0x100))))
      (call $field (i64.const 0x74756f) (i32.const 3) (call $untouched (i32.const 0x140)))
      (call $end_line)
      (local.set $fd (i32.add (local.get $fd) (i32.const 3)))
      (br_if $reads (i32.le_u (local.get $fd) (i32.const 3))))

    ;; fd_write to fd 3: there is no file to write to
    (i32.store (i32.const 0x180) (i32.const 0x60))
    (i32.store (i32.const 0x184) (i32.const 6))
    (local.set $errno (call $fd_write (i32.const 3) (i32.const 0x180) (i32.const 1) (i32.const 0x100)))
    (call $text (i32.const 0x3d0) (i32.const 8))
    (call $field (i64.const 0x6466) (i32.const 2) (i32.const 3))
    (call $field (i64.const 0x6f6e727265) (i32.const 5) (local.get $errno))
    (call $end_line))

  ;; ---- the Scheme guest's ABI: one fixed block to parse from, nothing to compile ---------
  (data (i32.const 0xd00) "result: 0")
  (func (export "allocateBytes") (param i32) (result i32) (i32.const 0x1000))
  (func (export "freeBytes") (param i32))
  (func (export "parse") (param i32) (result i32) (i32.const 0x1000))
  (func (export "eval") (param i32 i32)
    (call $probe)
    (call $text (i32.const 0xd00) (i32.const 9))
    (call $end_line))
  (func (export "jitModule") (result i32) (i32.const 0))
  (func (export "moduleData") (param i32) (result i32) (i32.const 0))
  (func (export "moduleSize") (param i32) (result i32) (i32.const 0))
  (func (export "freeModule") (param i32)))
