import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { RoleSyncProvider, useRoleSync, type RoleSyncContextValue } from "@/lib/role-sync";
import { BACKEND_URL, PUBLISHABLE_KEY } from "./fakeBackend";

export function TestProvider({ children }: { children: ReactNode }) {
  return (
    <RoleSyncProvider backendUrl={BACKEND_URL} publishableKey={PUBLISHABLE_KEY}>
      {children}
    </RoleSyncProvider>
  );
}

/** Renders `ui` inside the provider; `rerender()` re-renders it, as a Clerk state change would. */
export function renderInProvider(ui: ReactNode) {
  const view = render(<TestProvider>{ui}</TestProvider>);
  return { ...view, rerender: () => view.rerender(<TestProvider>{ui}</TestProvider>) };
}

/** Renders the provider with a probe; `ctx()` returns the latest context value. */
export function renderProbe() {
  let latest: RoleSyncContextValue | undefined;
  function Probe() {
    latest = useRoleSync();
    return null;
  }
  const view = renderInProvider(<Probe />);
  return {
    ...view,
    ctx: () => {
      if (!latest) throw new Error("probe did not render");
      return latest;
    },
  };
}
