import type { Integration, IntegrationCategory } from "@plugboard/core";
import { useId, useState } from "react";
import { Checkbox } from "../parts/checkbox";
import { RetryButton } from "../parts/retry-button";
import { useStrings } from "../provider/plugboard-provider";
import { cx, loadingProps, useRootProps } from "../provider/root-props";
import { IntegrationCard } from "./integration-card";
import { useIntegrations } from "./use-integrations";

export type IntegrationGalleryPart = "toolbar" | "search" | "section" | "list" | "empty";

export interface IntegrationGalleryProps {
  className?: string;
  classNames?: Partial<Record<IntegrationGalleryPart, string>>;
  /** Show featured entries in their own section while no filter is applied. Default true. */
  showFeatured?: boolean;
}

type CategoryFilter = IntegrationCategory | "all";

/**
 * The marketplace: every integration as a card, with search, a category filter, an "installed
 * only" switch and a featured section.
 */
export function IntegrationGallery({
  className,
  classNames = {},
  showFeatured = true,
}: IntegrationGalleryProps) {
  const strings = useStrings();
  const query = useIntegrations();
  const rootProps = useRootProps("pb-gallery", className);
  const [search, setSearch] = useState("");
  const [category, setCategory] = useState<CategoryFilter>("all");
  const [installedOnly, setInstalledOnly] = useState(false);
  const groupName = useId();

  if (query.isPending) {
    return (
      <section {...rootProps} {...loadingProps(strings.loadingIntegrations)}>
        <div className="pb-gallery__grid">
          {[0, 1, 2].map((index) => (
            <div key={index} className="pb-integration-card">
              <div className="pb-integration-card__logo pb-skeleton" />
              <div className="pb-integration-card__body">
                <div className="pb-skeleton pb-skeleton--line" />
                <div className="pb-skeleton pb-skeleton--text" />
              </div>
            </div>
          ))}
        </div>
      </section>
    );
  }

  if (query.isError) {
    return (
      <section {...rootProps} aria-label={strings.gallery}>
        <div role="alert">
          <p className="pb-gallery__error-title">{strings.loadIntegrationsFailed}</p>
          <p className="pb-gallery__error-detail">{query.error.message}</p>
        </div>
        <RetryButton onClick={() => void query.refetch()} />
      </section>
    );
  }

  const categories = [...new Set(query.data.map((entry) => entry.category))];
  const needle = search.trim().toLowerCase();
  const matches = (entry: Integration) =>
    (category === "all" || entry.category === category) &&
    (!installedOnly || entry.installed) &&
    (needle === "" ||
      [entry.name, entry.description.available, strings.categories[entry.category]].some((text) =>
        text.toLowerCase().includes(needle),
      ));
  const filtered = query.data.filter(matches);
  const filtering = needle !== "" || category !== "all" || installedOnly;
  const featured = showFeatured && !filtering ? filtered.filter((entry) => entry.featured) : [];

  return (
    <section {...rootProps} aria-label={strings.gallery}>
      <div className={cx("pb-gallery__toolbar", classNames.toolbar)}>
        <input
          type="search"
          className={cx("pb-input", classNames.search)}
          aria-label={strings.searchIntegrations}
          placeholder={strings.searchIntegrations}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <div
          role="radiogroup"
          aria-label={strings.categoryFilter}
          className="pb-gallery__categories"
        >
          {(["all", ...categories] as CategoryFilter[]).map((value) => (
            <label key={value} className="pb-chip" data-checked={category === value || undefined}>
              <input
                type="radio"
                name={groupName}
                value={value}
                checked={category === value}
                onChange={() => setCategory(value)}
              />
              {value === "all" ? strings.allCategories : strings.categories[value]}
            </label>
          ))}
        </div>
        <label className="pb-choice pb-gallery__installed">
          <Checkbox checked={installedOnly} onCheckedChange={setInstalledOnly} />
          {strings.installedOnly}
        </label>
      </div>
      {featured.length > 0 && (
        <GallerySection title={strings.featured} entries={featured} classNames={classNames} />
      )}
      {filtered.length === 0 ? (
        <p role="status" className={cx("pb-gallery__empty", classNames.empty)}>
          {strings.noMatchingIntegrations}
        </p>
      ) : (
        <GallerySection
          title={strings.allIntegrations}
          entries={featured.length > 0 ? filtered.filter((entry) => !entry.featured) : filtered}
          classNames={classNames}
        />
      )}
    </section>
  );
}

function GallerySection({
  title,
  entries,
  classNames,
}: {
  title: string;
  entries: Integration[];
  classNames: Partial<Record<IntegrationGalleryPart, string>>;
}) {
  const headingId = useId();
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className={cx("pb-gallery__section", classNames.section)}>
      <h2 id={headingId} className="pb-gallery__heading">
        {title}
      </h2>
      <ul className={cx("pb-gallery__grid", classNames.list)}>
        {entries.map((entry) => (
          <li key={entry.id}>
            <IntegrationCard provider={entry.id} />
          </li>
        ))}
      </ul>
    </section>
  );
}
