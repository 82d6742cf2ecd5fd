"use client";

import { useParams, useRouter } from "next/navigation";
import { useState } from "react";
import { Modal } from "@/components/editing/modal";
import { Combobox, type ComboOption } from "@/components/ui/combobox";
import { useClusters } from "@/lib/clusters/client/use-clusters";
import { usePathSuggestions } from "@/lib/znodes/client/use-path-suggestions";
import { znodeHref } from "@/lib/znodes/client/znode-path";
import { searchUrls } from "@/lib/search/client/urls";

/**
 * Jump anywhere: a cluster by name, or (typing "/…") a path of the cluster on screen, with
 * completions from its children; "name:/path" opens a path of another cluster. Other text can
 * also search the cluster on screen (names and values), or open the diff of two places.
 */
export function CommandPalette({ initial, onClose }: { initial: string; onClose: () => void }) {
  const router = useRouter();
  const params = useParams<{ id?: string }>();
  const clusters = useClusters();
  const [text, setText] = useState(initial);
  const all = clusters.data ?? [];
  const slugOf = (c: (typeof all)[number]) => c.slug ?? c.id;
  const colon = text.indexOf(":/");
  const named = colon > 0 ? all.find((c) => c.name === text.slice(0, colon) || slugOf(c) === text.slice(0, colon)) : undefined;
  const here = named ?? all.find((c) => params.id !== undefined && (slugOf(c) === decodeURIComponent(params.id) || c.id === params.id));
  const typedPath = colon > 0 ? text.slice(colon + 1) : text;
  const suggestions = usePathSuggestions(here?.id ?? null, typedPath);

  const go = (href: string) => { onClose(); router.push(href); };
  const options: ComboOption[] = [];
  if (here && typedPath.startsWith("/")) {
    options.push({ id: `go:${typedPath}`, label: <code>{typedPath}</code>, hint: `open in ${here.name}`, choose: () => go(znodeHref(slugOf(here), typedPath)) });
    for (const p of suggestions.paths) if (p !== typedPath) options.push({ id: `path:${p}`, label: <code>{p}</code>, hint: here.name, choose: () => go(znodeHref(slugOf(here), p)) });
  } else {
    const needle = text.trim().toLowerCase();
    for (const c of all.filter((c) => c.name.toLowerCase().includes(needle)).slice(0, 20)) {
      options.push({ id: `cluster:${c.id}`, label: c.name, hint: `${c.environment} cluster`, choose: () => go(znodeHref(slugOf(c), "/")) });
    }
    if (here && text.trim()) options.push({ id: "search", label: <>Search {here.name} for “{text.trim()}”</>, hint: "names and values", choose: () => go(searchUrls.page(slugOf(here), { q: text.trim() })) });
    options.push({ id: "diff", label: "Compare two paths or clusters", hint: "diff and promote", choose: () => go("/diff") });
  }

  return (
    <Modal title="Jump to" onClose={onClose}>
      <Combobox
        label="Cluster or path"
        value={text}
        onChange={setText}
        options={options}
        autoFocus
        placeholder={here ? `a cluster, or a path of ${here.name} (/…)` : "a cluster"}
        onSubmit={() => options[0]?.choose()}
        onEscape={onClose}
        status={typedPath.startsWith("/") && !here ? "Open a cluster first, or type name:/path" : undefined}
      />
      <p className="muted">Type a cluster&apos;s name, or a path starting with “/”. Enter opens the first match.</p>
    </Modal>
  );
}
