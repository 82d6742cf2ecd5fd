import type { ReactNode } from "react";
import type { ZnodeStat } from "@/lib/znodes/client/types";

function DateCell({ iso }: { iso: string }) {
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={iso}>
      {Number.isNaN(date.getTime()) ? iso : date.toLocaleString()}
    </time>
  );
}

export function StatTable({ stat }: { stat: ZnodeStat }) {
  const rows: [string, ReactNode][] = [
    ["czxid", stat.czxid],
    ["mzxid", stat.mzxid],
    ["pzxid", stat.pzxid],
    ["ctime", <DateCell key="ctime" iso={stat.ctime} />],
    ["mtime", <DateCell key="mtime" iso={stat.mtime} />],
    ["version", stat.version],
    ["cversion", stat.cversion],
    ["aversion", stat.aversion],
    ["ephemeralOwner", stat.ephemeralOwner ?? "persistent"],
    ["dataLength", stat.dataLength],
    ["numChildren", stat.numChildren],
  ];
  return (
    <table className="kv-table" data-testid="stat-table">
      <caption>Stat</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
