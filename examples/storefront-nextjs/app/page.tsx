import { AccountSummary } from "@/components/AccountSummary";

export default function HomePage() {
  return (
    <>
      <h1>Storefront</h1>
      <AccountSummary />
    </>
  );
}
