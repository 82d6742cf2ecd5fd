import { ApiError, errorMessage } from "./api-fetch";

type Issue = { path: string; message: string };

/**
 * An error as a form shows it: a rule broken by one field is named by the field's label
 * ("Connection string: …"), not by the API's name for it ("connectionString: …").
 */
export function formErrorMessage(error: unknown, labels: Record<string, string>): string {
  if (!(error instanceof ApiError)) return errorMessage(error);
  const issues = (error.details?.issues ?? []) as Issue[];
  const field = typeof error.details?.field === "string" ? error.details.field : issues[0]?.path;
  const label = field ? labels[field] : undefined;
  if (!field || !label) return error.message;
  const message = issues[0]?.path === field ? issues[0].message : error.message.replace(new RegExp(`^${field}: `), "");
  return `${label}: ${message.replace(new RegExp(`\\b${field}\\b`, "g"), label.toLowerCase())}`;
}
