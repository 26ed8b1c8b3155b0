import { useEffect } from "react";
import { trackerClient } from "../tracker-client";
import { useLoad } from "../use-load";

/** Fired by the role switcher: whoever is signed in now sees (and acts as) someone else. */
export const userChangedEvent = "host-app:user-changed";

/** The signed-in user, the people and the projects with their states, reloaded on a switch. */
export function useTrackerSession() {
  const { data: session, error, reload } = useLoad(trackerClient.session);
  useEffect(() => {
    window.addEventListener(userChangedEvent, reload);
    return () => window.removeEventListener(userChangedEvent, reload);
  }, [reload]);
  return { session, error };
}
