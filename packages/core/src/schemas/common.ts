import { z } from "zod";
import { roles } from "../roles";

/** ISO 8601 timestamps on the wire; stores keep epoch milliseconds. */
export const timestampSchema = z.iso.datetime({ offset: true });

export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Who is calling, as the host app's `authenticate` reports it. Plugboard never owns users. */
export const identitySchema = z.object({
  userId: z.string().min(1),
  organizationId: z.string().min(1),
  role: roleSchema,
});
export type Identity = z.infer<typeof identitySchema>;

/** Every list response is wrapped, so pagination fields can be added without breaking callers. */
export function listSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item) });
}
