// The operations the trail records, for the filter's choices and readable labels.
export const OPERATIONS: { value: string; label: string }[] = [
  { value: "create", label: "create znode" },
  { value: "set", label: "set data" },
  { value: "delete", label: "delete znode" },
  { value: "delete_recursive", label: "recursive delete" },
  { value: "copy", label: "copy" },
  { value: "move", label: "move" },
  { value: "import", label: "import" },
  { value: "acl", label: "ACL change" },
  { value: "restore", label: "restore" },
  { value: "cluster_create", label: "cluster registered" },
  { value: "cluster_update", label: "cluster changed" },
  { value: "cluster_delete", label: "cluster removed" },
  { value: "cluster_test", label: "connection test" },
  { value: "grant_create", label: "grant added" },
  { value: "grant_delete", label: "grant removed" },
  { value: "user_update", label: "user role changed" },
  { value: "user_disable", label: "user disabled" },
  { value: "user_enable", label: "user enabled" },
  { value: "settings_update", label: "settings changed" },
  { value: "login", label: "sign-in" },
  { value: "login_failed", label: "failed sign-in" },
  { value: "login_rate_limited", label: "sign-in paused" },
];

export const operationLabel = (op: string) => OPERATIONS.find((o) => o.value === op)?.label ?? op;
