import type { CreateApiKeyInput, RotateApiKeyInput, UpdateApiKeyInput } from "@plugboard/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { usePlugboard } from "../provider/plugboard-provider";
import { apiKeyKeys } from "./query-keys";

/** The caller's keys (all of the organization's for admins) and the scopes they may grant. */
export function useApiKeys() {
  const { client, queryClient } = usePlugboard();
  return useQuery(
    { queryKey: apiKeyKeys.all, queryFn: ({ signal }) => client.apiKeys.list({ signal }) },
    queryClient,
  );
}

export type UsageRange = "24h" | "7d" | "30d";

const rangeMs: Record<UsageRange, number> = {
  "24h": 24 * 60 * 60 * 1000,
  "7d": 7 * 24 * 60 * 60 * 1000,
  "30d": 30 * 24 * 60 * 60 * 1000,
};

export function useApiKeyUsage(id: string, range: UsageRange) {
  const { client, queryClient } = usePlugboard();
  return useQuery(
    {
      queryKey: apiKeyKeys.usage(id, range),
      queryFn: ({ signal }) => {
        const to = Date.now();
        return client.apiKeys.usage(
          id,
          {
            from: new Date(to - rangeMs[range]).toISOString(),
            to: new Date(to).toISOString(),
            granularity: range === "24h" ? "hour" : "day",
          },
          { signal },
        );
      },
    },
    queryClient,
  );
}

/** Create, rename or switch (update), rotate and revoke; each refreshes the list when it settles. */
export function useApiKeyMutations() {
  const { client, queryClient } = usePlugboard();
  const onSettled = () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.all });
  return {
    create: useMutation(
      { mutationFn: (input: CreateApiKeyInput) => client.apiKeys.create(input), onSettled },
      queryClient,
    ),
    update: useMutation(
      {
        mutationFn: ({ id, input }: { id: string; input: UpdateApiKeyInput }) =>
          client.apiKeys.update(id, input),
        onSettled,
      },
      queryClient,
    ),
    rotate: useMutation(
      {
        mutationFn: ({ id, ...input }: RotateApiKeyInput & { id: string }) =>
          client.apiKeys.rotate(id, input),
        onSettled,
      },
      queryClient,
    ),
    revoke: useMutation(
      { mutationFn: (id: string) => client.apiKeys.revoke(id), onSettled },
      queryClient,
    ),
  };
}
