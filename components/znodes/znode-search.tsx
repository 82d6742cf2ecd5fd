"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useClusterPage, useZnodeHref } from "@/components/clusters/cluster-context";
import { useShortcutAction } from "@/components/shortcuts/shortcut-events";
import { Combobox, type ComboOption } from "@/components/ui/combobox";
import { searchUrls } from "@/lib/search/client/urls";
import { usePathSuggestions } from "@/lib/znodes/client/use-path-suggestions";
import { childPath } from "@/lib/znodes/client/znode-path";
import { useZnodeView } from "./use-znode-view";

/**
 * The search box (`/`): a path ("/app/con…", completed from the children of /app) or a name
 * among the current node's children (Enter filters the list and the tree by it). Its text is
 * in the URL (`q`). Its last option searches names and values under the current node (content search).
 */
export function ZnodeSearch({ clusterId }: { clusterId: string }) {
  const router = useRouter();
  const href = useZnodeHref();
  const cluster = useClusterPage();
  const view = useZnodeView();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(view.query);
  useEffect(() => setText(view.query), [view.query]);
  useShortcutAction("search", () => input.current?.focus());

  const asPath = text.startsWith("/") ? text : childPath(view.path, text);
  const suggestions = usePathSuggestions(clusterId, text.trim() ? asPath : "");
  const open = (path: string) => { setText(""); view.setQuery(""); router.push(href(path)); };
  const options: ComboOption[] = suggestions.paths.map((p) => ({ id: p, label: <code>{p}</code>, choose: () => open(p) }));
  const typed = text.trim();
  if (typed) options.push({ id: "search-contents", label: <>Search names and values for “{typed}”</>, hint: `under ${view.path}`, choose: () => router.push(searchUrls.page(cluster.slug, { q: typed, path: view.path })) });

  return (
    <div className="znode-search">
      <Combobox
        label="Search znodes"
        value={text}
        inputRef={input}
        placeholder="Search: /path or a name (press /)"
        onChange={(v) => { setText(v); view.setQuery(v); }}
        options={options}
        onSubmit={(v) => {
          const typed = v.trim();
          if (!typed) return;
          if (typed.startsWith("/")) open(typed);
          else view.setFilter(typed);
        }}
        onEscape={() => input.current?.blur()}
        status={text.trim() && suggestions.error ? "no such parent node" : undefined}
      />
    </div>
  );
}
