export class UsageError extends Error {}

/** `--name value` and `--flag` options plus positional arguments; unknown options are an error. */
export function parseArgs(args: string[], known: { values: string[]; flags?: string[] }) {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [key, inline] = a.slice(2).split('=', 2);
    if (known.flags?.includes(key)) flags.add(key);
    else if (known.values.includes(key)) {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`--${key} needs a value`);
      values[key] = v;
    } else throw new UsageError(`unknown option --${key}`);
  }
  return { values, flags, positional };
}
