import { type RefObject, useEffect, useState } from "react";

/**
 * Moves focus to the form's first invalid control once the errors are on screen, so keyboard
 * and screen-reader users land on the problem. Focusing after the commit (not in the handler
 * that received the server's answer) is what makes it work: until then the controls carry no
 * `aria-invalid`, and the submit button that had focus may just have been disabled.
 */
export function useFocusFirstInvalid(formRef: RefObject<HTMLFormElement | null>): () => void {
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [request, formRef]);
  return () => setRequest((count) => count + 1);
}
