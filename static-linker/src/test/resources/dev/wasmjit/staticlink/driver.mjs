// Drives one live instance under Node's WebAssembly for the static linker's tests.
// Commands come as arguments, one after another:
//   instantiate PATH     instantiate a main module (env.log is the only host import)
//   call NAME ARG...     call an export with i32 arguments; prints "result NAME VALUE"
//   link PATH            instantiate a generated module against the main instance, as the
//                        bridge's late linker does: env.NAME binds to the main export NAME
//   dump PATH            write the main memory to PATH and print "probe NAME VALUE" for every
//                        nullary export whose name starts with __wasmjit_
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
let main = null;

function instantiate(path, imports) {
  const module = new WebAssembly.Module(readFileSync(path));
  return new WebAssembly.Instance(module, imports);
}

for (let i = 0; i < args.length; ) {
  const command = args[i++];
  if (command === 'instantiate') {
    main = instantiate(args[i++], { env: { log: (v) => console.log(`log ${v}`) } });
  } else if (command === 'call') {
    const name = args[i++];
    const fn = main.exports[name];
    if (typeof fn !== 'function') throw new Error(`no exported function ${name}`);
    const params = [];
    while (i < args.length && /^-?\d+$/.test(args[i])) params.push(Number(args[i++]));
    const result = fn(...params);
    console.log(`result ${name} ${result === undefined ? 'void' : String(result)}`);
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
