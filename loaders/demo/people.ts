import {FIRST_NAMES, LAST_NAMES} from "./organisation.ts";

/** Customer number k as a fictional person: a name, an example.com address and a 555 phone. */
export function customer(k: number): {id: number; name: string; email: string; phone: string} {
  const first = FIRST_NAMES[k % FIRST_NAMES.length] as string;
  const last = LAST_NAMES[Math.floor(k / FIRST_NAMES.length) % LAST_NAMES.length] as string;
  const ascii = (s: string) =>
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
  return {
    id: 9_300_000_000 + k,
    name: `${first} ${last}`,
    email: `${ascii(first)}.${ascii(last)}${k}@example.com`,
    phone: `+33155550${String(k % 1000).padStart(3, "0")}`,
  };
}

export function agentEmail(name: string): string {
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  return `${ascii.replace(/ /g, ".")}@demo-outdoor-gear.example`;
}
