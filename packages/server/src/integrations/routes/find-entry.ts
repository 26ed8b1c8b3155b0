import { type CatalogEntry, PlugboardError } from "@plugboard/core";
import type { PlugboardContext } from "../../context";
import { quoted } from "../../http/quoted";

export function findCatalogEntry(context: PlugboardContext, provider: string): CatalogEntry {
  const entry = context.catalog.find((candidate) => candidate.id === provider);
  if (!entry) {
    throw new PlugboardError({
      code: "not_found",
      detail: `No integration named ${quoted(provider)}`,
    });
  }
  return entry;
}
