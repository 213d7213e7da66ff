import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import SignUpPage from "@/app/sign-up/page";

const { signUp, push } = vi.hoisted(() => ({
  signUp: {
    status: "missing_requirements" as string,
    password: null as unknown as ReturnType<typeof vi.fn>,
    finalize: null as unknown as ReturnType<typeof vi.fn>,
    verifications: {
      sendEmailCode: null as unknown as ReturnType<typeof vi.fn>,
      verifyEmailCode: null as unknown as ReturnType<typeof vi.fn>,
    },
  },
  push: vi.fn(),
}));

vi.mock("@clerk/nextjs", () => ({
  useSignUp: () => ({
    signUp,
    fetchStatus: "idle",
    errors: { fields: {}, raw: null, global: null },
  }),
}));
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

beforeEach(() => {
  signUp.status = "missing_requirements";
  signUp.password = vi.fn(async () => ({ error: null }));
  signUp.finalize = vi.fn(async ({ navigate }) => {
    await navigate({ session: {}, decorateUrl: (url: string) => url });
    return { error: null };
  });
  signUp.verifications.sendEmailCode = vi.fn(async () => ({ error: null }));
  signUp.verifications.verifyEmailCode = vi.fn(async () => {
    signUp.status = "complete";
    return { error: null };
  });
});

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe("sign-up page", () => {
  it("asks business fields only for a business and stores them in unsafeMetadata", async () => {
    render(<SignUpPage />);
    expect(screen.queryByLabelText("Company name")).toBeNull();

    fireEvent.click(screen.getByLabelText("Business"));
    type("Company name", "  Acme GmbH ");
    type("Tax ID (optional)", "DE 123456789");
    type("Email", "ada@example.test");
    type("Password", "correct horse battery");
    fireEvent.click(screen.getByRole("button", { name: "Sign up" }));

    await screen.findByLabelText("Verification code");
    expect(signUp.password).toHaveBeenCalledWith({
      emailAddress: "ada@example.test",
      password: "correct horse battery",
      unsafeMetadata: { accountType: "business", company: "Acme GmbH", tax_id: "DE 123456789" },
    });
    expect(signUp.verifications.sendEmailCode).toHaveBeenCalled();

    type("Verification code", "424242");
    fireEvent.click(screen.getByRole("button", { name: "Verify" }));
    // A business continues with its company: /company offers Clerk's <CreateOrganization>.
    await waitFor(() => expect(push).toHaveBeenCalledWith("/company"));
    expect(signUp.verifications.verifyEmailCode).toHaveBeenCalledWith({ code: "424242" });
  });

  it("sends only the account type for an individual", async () => {
    render(<SignUpPage />);
    fireEvent.click(screen.getByLabelText("Business"));
    type("Company name", "Leftover Ltd");
    fireEvent.click(screen.getByLabelText("Individual"));
    expect(screen.queryByLabelText("Company name")).toBeNull();

    type("Email", "bob@example.test");
    type("Password", "correct horse battery");
    fireEvent.click(screen.getByRole("button", { name: "Sign up" }));

    await waitFor(() => expect(signUp.password).toHaveBeenCalled());
    expect(signUp.password.mock.calls[0][0].unsafeMetadata).toEqual({ accountType: "individual" });

    // An individual goes straight to the shop.
    await screen.findByLabelText("Verification code");
    type("Verification code", "424242");
    fireEvent.click(screen.getByRole("button", { name: "Verify" }));
    await waitFor(() => expect(push).toHaveBeenCalledWith("/"));
    expect(push).not.toHaveBeenCalledWith("/company");
  });

  it("shows Clerk's error and stays on the form", async () => {
    signUp.password = vi.fn(async () => ({ error: new Error("That email address is taken.") }));
    render(<SignUpPage />);
    type("Email", "ada@example.test");
    type("Password", "correct horse battery");
    fireEvent.click(screen.getByRole("button", { name: "Sign up" }));

    await screen.findByText("That email address is taken.");
    expect(signUp.verifications.sendEmailCode).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Sign up" })).toBeInTheDocument();
  });
});
