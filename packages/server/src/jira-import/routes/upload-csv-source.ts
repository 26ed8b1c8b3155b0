import { csvSourceQuerySchema, PlugboardError } from "@plugboard/core";
import { readQuery } from "../../http/query";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { importer, presentSource } from "./present";

/** A CSV export as the request body (`text/csv`), streamed into stored rows. */
export const uploadCsvSource = defineRoute({
  method: "POST",
  path: "/jira-import/sources/csv",
  role: "admin",
  async handle({ request, identity, context }) {
    const runtime = importer(context);
    const query = readQuery(request, csvSourceQuerySchema);
    const type = request.headers.get("content-type") ?? "";
    if (!/^(text\/csv|application\/octet-stream)\b/i.test(type)) {
      throw new PlugboardError({
        code: "unsupported_media_type",
        detail: "Send the export as text/csv",
      });
    }
    if (!request.body)
      throw new PlugboardError({ code: "validation_failed", detail: "The CSV export is empty" });
    const source = await runtime.createCsvSource(identity, query, request.body);
    return json(presentSource(source), 201);
  },
});
