import { useQuery } from "@tanstack/react-query";
import { usePlugboard } from "../provider/plugboard-provider";
import { integrationKeys } from "./query-keys";

/** The catalog with installed state, shared by every card and the gallery (one request). */
export function useIntegrations() {
  const { client, queryClient } = usePlugboard();
  return useQuery(
    {
      queryKey: integrationKeys.all,
      queryFn: ({ signal }) => client.integrations.list({ signal }).then((list) => list.data),
    },
    queryClient,
  );
}
