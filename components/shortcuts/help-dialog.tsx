"use client";

import { Modal } from "@/components/editing/modal";
import { KEYS } from "./shortcut-events";

/** The `?` overlay: every shortcut, and how the tree is driven from the keyboard. */
export function HelpDialog({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <table className="kv-table shortcut-table" data-testid="shortcut-help">
        <tbody>
          {KEYS.map((k) => (
            <tr key={k.key}><th scope="row"><kbd>{k.key}</kbd></th><td>{k.what}</td></tr>
          ))}
          <tr><th scope="row"><kbd>Ctrl</kbd> <kbd>K</kbd></th><td>Jump to a cluster or a path</td></tr>
          <tr><th scope="row"><kbd>↑</kbd> <kbd>↓</kbd> <kbd>Home</kbd> <kbd>End</kbd></th><td>Tree: move between nodes</td></tr>
          <tr><th scope="row"><kbd>→</kbd> <kbd>←</kbd></th><td>Tree: open or close a node, go to its first child or its parent</td></tr>
          <tr><th scope="row"><kbd>Enter</kbd></th><td>Tree: show the node (the focus stays in the tree)</td></tr>
          <tr><th scope="row">letters</th><td>Tree: jump to the next node whose name starts with them</td></tr>
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="button" onClick={onClose}>Close</button>
      </div>
    </Modal>
  );
}
