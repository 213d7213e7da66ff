import { model } from "@medusajs/framework/utils"
import { COMPANY_ROLES } from "../../../types/company"
import Company from "./company"

/**
 * A customer's membership of a company, mirrored from Clerk (the API at
 * sync, signed webhooks in between); never written from a request body.
 */
const CompanyMember = model
  .define("company_member", {
    id: model.id({ prefix: "cmem" }).primaryKey(),
    customer_id: model.text(),
    clerk_user_id: model.text(),
    clerk_membership_id: model.text(),
    role: model.enum([...COMPANY_ROLES]).default("member"),
    // The Clerk role it came from, so a change of `organizationRoles` is
    // visible and the admin sees what Clerk says.
    clerk_role: model.text(),
    // Clerk's membership created_at: "the oldest" membership wins when the
    // active company is not chosen otherwise.
    joined_at: model.dateTime(),
    clerk_updated_at: model.dateTime().nullable(),
    company: model.belongsTo(() => Company, { mappedBy: "members" }),
  })
  .indexes([
    {
      name: "IDX_company_member_company_customer_unique",
      on: ["company_id", "customer_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_company_member_customer_id",
      on: ["customer_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_company_member_clerk_user_id",
      on: ["clerk_user_id"],
      where: "deleted_at IS NULL",
    },
    {
      // Webhooks find a membership by Clerk's id.
      name: "IDX_company_member_clerk_membership_id",
      on: ["clerk_membership_id"],
    },
  ])

export default CompanyMember
