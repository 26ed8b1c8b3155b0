import type {
  CreateWebhookEndpointInput,
  RecoverWebhookMessagesInput,
  RotateWebhookSecretInput,
  UpdateWebhookEndpointInput,
  WebhookMessageRecord,
} from "@plugboard/core";
import { type InfiniteData, useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { usePlugboard } from "../provider/plugboard-provider";
import { webhookKeys } from "./query-keys";

/** The organization's webhook endpoints, with their health, and what the caller may do. */
export function useWebhookEndpoints() {
  const { client, queryClient } = usePlugboard();
  return useQuery(
    {
      queryKey: webhookKeys.endpoints(),
      queryFn: ({ signal }) => client.webhooks.list({ signal }),
    },
    queryClient,
  );
}

type MessagePages = InfiniteData<{ data: WebhookMessageRecord[] }> | undefined;

function hasPending(data: MessagePages): boolean {
  return data?.pages.some((page) => page.data.some((row) => row.status === "pending")) ?? false;
}

/** A paged list's rows, in order, across the pages loaded so far. */
function allRows<T>(data: InfiniteData<{ data: T[] }>): T[] {
  return data.pages.flatMap((page) => page.data);
}

/** Each page asks for the rows after the last one's `nextCursor`; null ends the list. */
const pageParams = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor ?? undefined,
};

/**
 * One endpoint's messages, newest first, while `enabled` (the log is open): the newest page,
 * then older ones with `fetchNextPage` while `hasNextPage`. `data` is every message loaded.
 * While any is pending it is asked again every `pollInterval`, and stops once all are settled;
 * when one settles, the endpoint list (its "Last delivery") is asked again too.
 */
export function useWebhookMessages(endpointId: string, enabled = true) {
  const { client, queryClient, pollInterval } = usePlugboard();
  const invalidate = useInvalidate();
  return useInfiniteQuery(
    {
      queryKey: webhookKeys.messages(endpointId),
      queryFn: async ({ pageParam, signal }) => {
        const before = queryClient.getQueryData<MessagePages>(webhookKeys.messages(endpointId));
        const page = await client.webhooks.listMessages(
          endpointId,
          { before: pageParam },
          { signal },
        );
        const wasPending = new Set(
          before?.pages.flatMap((loaded) =>
            loaded.data.filter((row) => row.status === "pending").map((row) => row.id),
          ),
        );
        const settled = page.data.some((row) => wasPending.has(row.id) && row.status !== "pending");
        if (settled) void invalidate.endpoints();
        return page;
      },
      ...pageParams,
      select: allRows,
      enabled,
      refetchInterval: ({ state }) => (hasPending(state.data) ? pollInterval : false),
    },
    queryClient,
  );
}

/**
 * One endpoint's attempts, newest first, paged like the messages; the log groups them under
 * their messages. Pages are the server's largest, so few are needed to cover a page of messages.
 */
export function useWebhookAttempts(endpointId: string, enabled = true) {
  const { client, queryClient, pollInterval } = usePlugboard();
  return useInfiniteQuery(
    {
      queryKey: webhookKeys.attempts(endpointId),
      queryFn: ({ pageParam, signal }) =>
        client.webhooks.listAttempts(endpointId, { limit: 200, before: pageParam }, { signal }),
      ...pageParams,
      select: allRows,
      enabled,
      // In step with the messages: new attempts come while one of them is pending.
      refetchInterval: () =>
        hasPending(queryClient.getQueryData<MessagePages>(webhookKeys.messages(endpointId)))
          ? pollInterval
          : false,
    },
    queryClient,
  );
}

/**
 * Every write ends by refetching what it changed: the endpoint list (health, enabled state),
 * and for deliveries that endpoint's log.
 */
function useInvalidate() {
  const { queryClient } = usePlugboard();
  return {
    endpoints: () => queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints() }),
    deliveries: (endpointId: string) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints() }),
        queryClient.invalidateQueries({ queryKey: webhookKeys.messages(endpointId) }),
        queryClient.invalidateQueries({ queryKey: webhookKeys.attempts(endpointId) }),
      ]),
  };
}

export function useCreateWebhookEndpoint() {
  const { client, queryClient } = usePlugboard();
  const invalidate = useInvalidate();
  return useMutation(
    {
      mutationFn: (input: CreateWebhookEndpointInput) => client.webhooks.create(input),
      onSuccess: () => invalidate.endpoints(),
    },
    queryClient,
  );
}

export function useUpdateWebhookEndpoint() {
  const { client, queryClient } = usePlugboard();
  const invalidate = useInvalidate();
  return useMutation(
    {
      mutationFn: ({ id, input }: { id: string; input: UpdateWebhookEndpointInput }) =>
        client.webhooks.update(id, input),
      onSuccess: () => invalidate.endpoints(),
    },
    queryClient,
  );
}

export function useDeleteWebhookEndpoint() {
  const { client, queryClient } = usePlugboard();
  const invalidate = useInvalidate();
  return useMutation(
    {
      mutationFn: (id: string) => client.webhooks.remove(id),
      onSuccess: (_result, id) => {
        queryClient.removeQueries({ queryKey: webhookKeys.messages(id) });
        queryClient.removeQueries({ queryKey: webhookKeys.attempts(id) });
        return invalidate.endpoints();
      },
    },
    queryClient,
  );
}

export function useRotateWebhookSecret() {
  const { client, queryClient } = usePlugboard();
  const invalidate = useInvalidate();
  return useMutation(
    {
      mutationFn: ({ id, input }: { id: string; input?: RotateWebhookSecretInput }) =>
        client.webhooks.rotateSecret(id, input),
      onSuccess: () => invalidate.endpoints(),
    },
    queryClient,
  );
}

export function useSendWebhookTest() {
  const { client, queryClient } = usePlugboard();
  const invalidate = useInvalidate();
  return useMutation(
    {
      mutationFn: (id: string) => client.webhooks.sendTest(id),
      onSuccess: (_attempt, id) => invalidate.deliveries(id),
    },
    queryClient,
  );
}

export function useResendWebhookMessage() {
  const { client, queryClient } = usePlugboard();
  const invalidate = useInvalidate();
  return useMutation(
    {
      mutationFn: ({ endpointId, messageId }: { endpointId: string; messageId: string }) =>
        client.webhooks.resend(endpointId, messageId),
      onSuccess: (_message, { endpointId }) => invalidate.deliveries(endpointId),
    },
    queryClient,
  );
}

export function useRecoverWebhookMessages() {
  const { client, queryClient } = usePlugboard();
  const invalidate = useInvalidate();
  return useMutation(
    {
      mutationFn: ({
        endpointId,
        input,
      }: {
        endpointId: string;
        input: RecoverWebhookMessagesInput;
      }) => client.webhooks.recover(endpointId, input),
      onSuccess: (_result, { endpointId }) => invalidate.deliveries(endpointId),
    },
    queryClient,
  );
}
