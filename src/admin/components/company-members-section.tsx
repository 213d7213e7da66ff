import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { AdminCompanyDetail } from "../../types"
import { customerDisplayName, formatDate } from "../lib/format"
import { CompanyRoleBadge } from "./company-role-badge"
import { EmptyState } from "./empty-state"

/** Who buys for the company, with the role Clerk gives them; each links to the customer page. */
export const CompanyMembersSection = ({ company }: { company: AdminCompanyDetail }) => (
  <Container className="divide-y p-0" data-testid="company-members">
    <div className="flex flex-col px-6 py-4">
      <Heading level="h2">Members</Heading>
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        Roles come from Clerk (organization roles); change them there.
      </Text>
    </div>
    {company.members.length === 0 ? (
      <EmptyState
        title="No members"
        message="Members appear when they sign in to the store, or when Clerk reports them by webhook."
      />
    ) : (
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Member</Table.HeaderCell>
            <Table.HeaderCell>Role</Table.HeaderCell>
            <Table.HeaderCell>Joined</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {company.members.map((member) => {
            const name = member.customer ? customerDisplayName(member.customer) : member.customer_id
            return (
              <Table.Row key={member.id} data-testid="company-member-row">
                <Table.Cell>
                  <div className="flex min-w-0 flex-col py-1">
                    <Link
                      to={`/customers/${member.customer_id}`}
                      className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small truncate"
                    >
                      {name}
                    </Link>
                    {member.customer?.email && member.customer.email !== name && (
                      <Text size="xsmall" leading="compact" className="text-ui-fg-subtle truncate">
                        {member.customer.email}
                      </Text>
                    )}
                  </div>
                </Table.Cell>
                <Table.Cell>
                  <CompanyRoleBadge role={member.role} />
                </Table.Cell>
                <Table.Cell>{formatDate(member.joined_at)}</Table.Cell>
                <Table.Cell className="text-right">
                  {!member.is_active_company && (
                    <Badge size="2xsmall" color="grey">
                      Buying for another company now
                    </Badge>
                  )}
                </Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
    )}
  </Container>
)
CompanyMembersSection.displayName = "CompanyMembersSection"
