import { jiraImportContracts, PlugboardError } from "@plugboard/core";
import { implement } from "../../http/route";
import { importer, presentSource } from "./present";

/** A CSV export as the request body (`text/csv`), streamed into stored rows. */
export const uploadCsvSource = implement(jiraImportContracts.uploadCsv, {
  async handle({ request, query, identity, context }) {
    const runtime = importer(context);
    const type = request.headers.get("content-type") ?? "";
    if (!/^(text\/csv|application\/octet-stream)\b/i.test(type)) {
      throw new PlugboardError({
        code: "unsupported_media_type",
        detail: "Send the export as text/csv",
      });
    }
    if (!request.body) {
      throw new PlugboardError({ code: "validation_failed", detail: "The CSV export is empty" });
    }
    return presentSource(await runtime.createCsvSource(identity, query, request.body));
  },
});
