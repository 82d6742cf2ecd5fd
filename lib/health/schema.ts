import { z } from "zod";

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "since must be an ISO date, e.g. 2024-01-31T12:00:00Z");

export const historyQuery = z.object({
  member: z.string().max(300).optional(),
  since: isoDate.optional(),
  limit: z.coerce.number().int().min(1, "limit must be at least 1").max(20_000, "limit must be at most 20000").default(5000),
});

export const alertsQuery = z.object({
  open: z.enum(["true", "false"], { message: "open must be true or false" }).optional(),
  limit: z.coerce.number().int().min(1, "limit must be at least 1").max(1000, "limit must be at most 1000").default(100),
});
