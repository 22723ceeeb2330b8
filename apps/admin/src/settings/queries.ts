import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "@/lib/api";

const settingsKey = ["settings"] as const;

/** The change the settings page sends: the API's own patch type (every field optional, null clears). */
export type SettingsPatch = Parameters<typeof api.admin.api.settings.$patch>[0]["json"];
type PreviewArgs = Parameters<typeof api.admin.api.settings.preview.$post>[0];
export type PreviewStep = NonNullable<PreviewArgs["query"]["step"]>;

export function useSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => call(api.admin.api.settings.$get()) });
}
export type Settings = NonNullable<ReturnType<typeof useSettings>["data"]>;

export function useSaveSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => call(api.admin.api.settings.$patch({ json: patch })),
    onSuccess: (saved) => {
      qc.setQueryData(settingsKey, saved);
      // The program's name shows in the header; the audit log has a new entry.
      qc.invalidateQueries({ queryKey: ["session"] });
      qc.invalidateQueries({ queryKey: ["audit"] });
      // A preview of "no changes" was of the settings before this save.
      qc.invalidateQueries({ queryKey: ["settings-preview"] });
    },
  });
}

/** A drip email rendered with the settings on the form, saved or not (the API checks them as it would on save). */
export function useEmailPreview(step: PreviewStep, draft: SettingsPatch | null) {
  return useQuery({
    queryKey: ["settings-preview", step, draft],
    enabled: draft !== null,
    queryFn: () => call(api.admin.api.settings.preview.$post({ query: { step }, json: draft ?? {} })),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 60_000,
  });
}
