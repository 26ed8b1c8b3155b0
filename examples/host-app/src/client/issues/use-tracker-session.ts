import { useCallback } from "react";
import { trackerClient } from "../tracker-client";
import { useLoad } from "../use-load";

/** The signed-in user, the people and the projects with their states, loaded again per user. */
export function useTrackerSession(user: string) {
  const { data: session, error } = useLoad(
    // biome-ignore lint/correctness/useExhaustiveDependencies: the cookie changed with `user`
    useCallback(() => trackerClient.session(), [user]),
  );
  return { session, error };
}
