// Literal IP addresses, checked without the network (also in the browser: the ACL editor uses them).
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIpv4(s: string): boolean {
  return IPV4.test(s);
}

export function isIpv6(s: string): boolean {
  let text = s;
  let groupsLeft = 8;
  const lastColon = text.lastIndexOf(":");
  if (lastColon >= 0 && text.includes(".")) {
    // An embedded IPv4 tail (::ffff:10.0.0.1) counts as two groups.
    if (!isIpv4(text.slice(lastColon + 1))) return false;
    text = text.slice(0, lastColon + 1) + "0:0";
  }
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === "" ? [] : h.split(":")));
  if (!groups.flat().every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  const count = groups.flat().length;
  return halves.length === 2 ? count < groupsLeft : count === groupsLeft;
}
