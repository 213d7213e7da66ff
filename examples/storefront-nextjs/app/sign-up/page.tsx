"use client";

import { useSignUp } from "@clerk/nextjs";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AccountType } from "@/lib/role-sync";
import { signUpMetadata } from "@/lib/signup-metadata";

export default function SignUpPage() {
  const { signUp, errors, fetchStatus } = useSignUp();
  const router = useRouter();
  const [accountType, setAccountType] = useState<AccountType>("individual");
  const [company, setCompany] = useState("");
  const [taxId, setTaxId] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [step, setStep] = useState<"details" | "verify">("details");
  const [error, setError] = useState<string | null>(null);
  const busy = fetchStatus === "fetching";

  async function finish() {
    if (signUp.status !== "complete") {
      setError(`Sign-up is not complete yet (status: ${signUp.status}).`);
      return;
    }
    // A business continues with its company (a Clerk Organization: <CreateOrganization> on /company);
    // sole traders can skip that step.
    const next = accountType === "business" ? "/company" : "/";
    await signUp.finalize({
      navigate: ({ decorateUrl }) => {
        const url = decorateUrl(next);
        if (url.startsWith("http")) window.location.href = url;
        else router.push(url);
      },
    });
  }

  async function submitDetails(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const { error } = await signUp.password({
      emailAddress: email,
      password,
      unsafeMetadata: signUpMetadata(accountType, company, taxId),
    });
    if (error) return setError(error.message);
    if (signUp.status === "complete") return finish();

    const sent = await signUp.verifications.sendEmailCode();
    if (sent.error) return setError(sent.error.message);
    setStep("verify");
  }

  async function submitCode(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const { error } = await signUp.verifications.verifyEmailCode({ code });
    if (error) return setError(error.message);
    await finish();
  }

  if (step === "verify") {
    return (
      <form onSubmit={submitCode}>
        <h1>Check your email</h1>
        <label>
          Verification code
          <input required value={code} onChange={(e) => setCode(e.target.value)} autoComplete="one-time-code" />
        </label>
        {errors.fields.code && <p className="error">{errors.fields.code.message}</p>}
        {error && <p className="error">{error}</p>}
        <button type="submit" disabled={busy}>
          Verify
        </button>
      </form>
    );
  }

  return (
    <form onSubmit={submitDetails}>
      <h1>Create an account</h1>
      <fieldset>
        <legend>Account type</legend>
        <label className="inline">
          <input
            type="radio"
            name="accountType"
            value="individual"
            checked={accountType === "individual"}
            onChange={() => setAccountType("individual")}
          />
          Individual
        </label>
        <label className="inline">
          <input
            type="radio"
            name="accountType"
            value="business"
            checked={accountType === "business"}
            onChange={() => setAccountType("business")}
          />
          Business
        </label>
      </fieldset>
      {accountType === "business" && (
        <>
          <label>
            Company name
            <input required maxLength={255} value={company} onChange={(e) => setCompany(e.target.value)} />
          </label>
          <label>
            Tax ID (optional)
            <input
              maxLength={32}
              pattern="[A-Za-z0-9 .\/\-]*"
              value={taxId}
              onChange={(e) => setTaxId(e.target.value)}
            />
          </label>
          <p className="muted">Business accounts are verified by our team before business prices apply.</p>
        </>
      )}
      <label>
        Email
        <input required type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
      </label>
      {errors.fields.emailAddress && <p className="error">{errors.fields.emailAddress.message}</p>}
      <label>
        Password
        <input
          required
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
        />
      </label>
      {errors.fields.password && <p className="error">{errors.fields.password.message}</p>}
      {error && <p className="error">{error}</p>}
      {/* Clerk's bot protection renders its challenge here */}
      <div id="clerk-captcha" />
      <button type="submit" disabled={busy}>
        Sign up
      </button>
      <p>
        Already have an account? <Link href="/sign-in">Sign in</Link>
      </p>
    </form>
  );
}
