import type {
  CreateSsoConnectionInput,
  SsoPolicy,
  UpdateSsoConnectionInput,
} from "@plugboard/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { usePlugboard } from "../provider/plugboard-provider";
import { ssoKeys } from "./query-keys";

/** The organization's SSO connections (admins only: a member's request is refused). */
export function useSsoConnections() {
  const { client, queryClient } = usePlugboard();
  return useQuery(
    {
      queryKey: ssoKeys.connections(),
      queryFn: ({ signal }) => client.sso.connections.list({ signal }),
    },
    queryClient,
  );
}

/** The organization's claimed domains, verified or waiting for their TXT record. */
export function useSsoDomains(enabled = true) {
  const { client, queryClient } = usePlugboard();
  return useQuery(
    {
      queryKey: ssoKeys.domains(),
      queryFn: ({ signal }) => client.sso.domains.list({ signal }),
      enabled,
    },
    queryClient,
  );
}

/** The latest sign-ins, newest first, with why each refused one was refused. */
export function useSsoLoginAttempts(enabled = true) {
  const { client, queryClient } = usePlugboard();
  return useQuery(
    {
      queryKey: ssoKeys.attempts(),
      queryFn: ({ signal }) => client.sso.loginAttempts({ limit: 10 }, { signal }),
      enabled,
    },
    queryClient,
  );
}

/** Whether SSO is required for the verified domains, and the break-glass admins. */
export function useSsoPolicy(enabled = true) {
  const { client, queryClient } = usePlugboard();
  return useQuery(
    {
      queryKey: ssoKeys.policy(),
      queryFn: ({ signal }) => client.sso.policy.get({ signal }),
      enabled,
    },
    queryClient,
  );
}

/** Every write ends by refetching what it changed. */
function useInvalidate() {
  const { queryClient } = usePlugboard();
  return {
    connections: () => queryClient.invalidateQueries({ queryKey: ssoKeys.connections() }),
    domains: () => queryClient.invalidateQueries({ queryKey: ssoKeys.domains() }),
    attempts: () => queryClient.invalidateQueries({ queryKey: ssoKeys.attempts() }),
    policy: () => queryClient.invalidateQueries({ queryKey: ssoKeys.policy() }),
  };
}

export function useCreateSsoConnection() {
  const { client, queryClient } = usePlugboard();
  const invalidate = useInvalidate();
  return useMutation(
    {
      mutationFn: (input: CreateSsoConnectionInput) => client.sso.connections.create(input),
      onSuccess: () => invalidate.connections(),
    },
    queryClient,
  );
}

export function useUpdateSsoConnection() {
  const { client, queryClient } = usePlugboard();
  const invalidate = useInvalidate();
  return useMutation(
    {
      mutationFn: ({ id, input }: { id: string; input: UpdateSsoConnectionInput }) =>
        client.sso.connections.update(id, input),
      onSuccess: () => invalidate.connections(),
    },
    queryClient,
  );
}

export function useDeleteSsoConnection() {
  const { client, queryClient } = usePlugboard();
  const invalidate = useInvalidate();
  return useMutation(
    {
      mutationFn: (id: string) => client.sso.connections.delete(id),
      onSuccess: () => invalidate.connections(),
    },
    queryClient,
  );
}

export function useAddSsoDomain() {
  const { client, queryClient } = usePlugboard();
  const invalidate = useInvalidate();
  return useMutation(
    {
      mutationFn: (domain: string) => client.sso.domains.add({ domain }),
      onSuccess: () => invalidate.domains(),
    },
    queryClient,
  );
}

export function useVerifySsoDomain() {
  const { client, queryClient } = usePlugboard();
  const invalidate = useInvalidate();
  return useMutation(
    {
      mutationFn: (id: string) => client.sso.domains.verify(id),
      // A 409 may have issued a fresh token (the old one expired): show it either way.
      onSettled: () => invalidate.domains(),
    },
    queryClient,
  );
}

export function useRemoveSsoDomain() {
  const { client, queryClient } = usePlugboard();
  const invalidate = useInvalidate();
  return useMutation(
    {
      mutationFn: (id: string) => client.sso.domains.remove(id),
      onSuccess: () => invalidate.domains(),
    },
    queryClient,
  );
}

/** Replaces the whole policy: the requirement and the break-glass list together. */
export function useUpdateSsoPolicy() {
  const { client, queryClient } = usePlugboard();
  const invalidate = useInvalidate();
  return useMutation(
    {
      mutationFn: (policy: SsoPolicy) => client.sso.policy.put(policy),
      onSuccess: () => invalidate.policy(),
    },
    queryClient,
  );
}
