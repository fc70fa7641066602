// Drives one live instance under Node's WebAssembly for the static linker's tests.
// Commands come as arguments, one after another:
//   instantiate PATH     instantiate a main module; host imports: env.log, env.throw_error,
//                        and WASI preview 1 (node:wasi, output discarded) for the guest; a
//                        module importing WASI is initialised as node:wasi requires (that
//                        calls its _initialize)
//   call NAME ARG...     call an export with i32 arguments; prints "result NAME VALUE"
//   link PATH            instantiate a generated module against the main instance, as the
//                        bridge's late linker does: env.NAME binds to the main export NAME
//   eval HANDLE          the guest's eval(HANDLE, 1 MiB); prints "result eval N" (lastResultInteger)
//   dump PATH            write the main memory to PATH and print "probe NAME VALUE" for every
//                        nullary export whose name starts with __wasmjit_
import { openSync, readFileSync, writeFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

const args = process.argv.slice(2);
let main = null;

function instantiate(path, imports) {
  const module = new WebAssembly.Module(readFileSync(path));
  return new WebAssembly.Instance(module, imports);
}

for (let i = 0; i < args.length; ) {
  const command = args[i++];
  if (command === 'instantiate') {
    const quiet = openSync('/dev/null', 'w');
    const wasi = new WASI({ version: 'preview1', stdout: quiet, stderr: quiet, returnOnExit: false });
    const path = args[i++];
    main = instantiate(path, {
      env: {
        log: (v) => console.log(`log ${v}`),
        throw_error: () => { throw new Error('guest error'); },
      },
      wasi_snapshot_preview1: wasi.wasiImport,
    });
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(path)));
    if (imports.some((imp) => imp.module === 'wasi_snapshot_preview1')) wasi.initialize(main);
  } else if (command === 'call') {
    const name = args[i++];
    const fn = main.exports[name];
    if (typeof fn !== 'function') throw new Error(`no exported function ${name}`);
    const params = [];
    while (i < args.length && /^-?\d+$/.test(args[i])) params.push(Number(args[i++]));
    const result = fn(...params);
    console.log(`result ${name} ${result === undefined ? 'void' : String(result)}`);
  } else if (command === 'eval') {
    main.exports.eval(Number(args[i++]), 1 << 20);
    if (main.exports.lastResultKind() !== 1) throw new Error('eval gave no integer');
    console.log(`result eval ${main.exports.lastResultInteger()}`);
  } else if (command === 'link') {
    const env = {};
    for (const [name, value] of Object.entries(main.exports)) env[name] = value;
    instantiate(args[i++], { env });
    console.log('linked');
  } else if (command === 'dump') {
    const path = args[i++];
    writeFileSync(path, new Uint8Array(main.exports.memory.buffer));
    for (const [name, value] of Object.entries(main.exports)) {
      if (name.startsWith('__wasmjit_') && typeof value === 'function') {
        console.log(`probe ${name} ${String(value())}`);
      }
    }
  } else {
    throw new Error(`unknown command ${command}`);
  }
}
