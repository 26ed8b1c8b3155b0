import { RetryIcon } from "../icons/icons";
import { useStrings } from "../provider/plugboard-provider";

/** "Try again" after a failed load: one look and one label wherever something can be retried. */
export function RetryButton({ onClick }: { onClick: () => void }) {
  const strings = useStrings();
  return (
    <button type="button" className="pb-button" onClick={onClick}>
      <RetryIcon />
      {strings.retry}
    </button>
  );
}
