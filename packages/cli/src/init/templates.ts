/**
 * The first charter `entente init` writes, by kind of partnership. Each is a
 * sound charter (no findings from `entente check`) with `// TODO` comments
 * where the team must decide: the partner's name and people, the vision, the
 * term, the figures, the way out of a dispute.
 */

export const KINDS = ['co-development', 'reseller', 'joint-venture', 'coalition', 'supplier'] as const;
export type Kind = typeof KINDS[number];

export const KIND_TITLES: Record<Kind, string> = {
    'co-development': 'co-development alliance (build something together)',
    reseller: 'reseller or channel programme (one sells the other\'s products)',
    'joint-venture': 'joint venture (a jointly owned undertaking)',
    coalition: 'multi-party coalition (three or more organisations, one cause)',
    supplier: 'strategic supplier partnership'
};

export interface TemplateInput {
    /** The user's organisation: its identifier (in charters) and its name. */
    org: string;
    orgName: string;
    /** The partner's identifier (a placeholder until the team renames it). */
    partner: string;
    partnerName: string;
    /** The first year of the term. */
    year: number;
}

/** The roles of the user's organisation, in its party file; the templates use them. */
export function partyFile(input: TemplateInput): string {
    return `// ${input.orgName}: the party every charter of this repository shares.
// TODO: the roles your people hold in partnerships (a charter names roles, not people).
party ${input.org} ${quote(input.orgName)} {
    role Sponsor "Executive sponsor"
    role AllianceLead "Alliance lead"
    role TechLead "Technical lead"
    role SalesLead "Head of partner sales"
    role Operations "Operations lead"
}
`;
}

/** The charter's identifier: both parties' identifiers, joined. */
export function charterId(input: TemplateInput): string {
    return `${input.org}${input.partner}`;
}

export function charterTemplate(kind: Kind, input: TemplateInput): string {
    return TEMPLATES[kind](input);
}

function quote(text: string): string {
    return `"${text.replace(/["\\]/g, '')}"`;
}

function partnerParty({ partner, partnerName }: TemplateInput, roles: string[][]): string {
    return `// TODO: ${partner} stands for your partner: rename it everywhere in this file (an editor's rename does it),
// give its legal name, and list the roles its people hold.
party ${partner} ${quote(partnerName)} {
${roles.map(([id, title]) => `    role ${id} ${quote(title!)}`).join('\n')}
}
`;
}

function term(year: number, years: number): string {
    return `    // TODO: when the partnership starts and ends.
    term from ${year}-01-01 to ${year + years - 1}-12-31`;
}

const TEMPLATES: Record<Kind, (input: TemplateInput) => string> = {
    'co-development': input => {
        const { org: O, partner: P } = input;
        return `${partnerParty(input, [['Sponsor', 'Executive sponsor'], ['AllianceLead', 'Alliance manager'], ['TechLead', 'Technical lead']])}
// A co-development alliance: a joint steering committee decides by unanimity,
// a joint development team under it, decisions split by expertise, an
// escalation that ends with a mediator, commitments and metrics both ways.
charter ${charterId(input)} ${quote(`${input.orgName} x ${input.partnerName} co-development`)} {
    parties ${O}, ${P}
    // TODO: the shared vision, in one sentence both parties would sign.
    vision "Build together a product neither party could build alone, and share its risk and reward equally."
${term(input.year, 3)}
    review every 6 months

    // TODO: what the partnership must achieve, measurably.
    objective Release "Release the joint product to customers"
    objective Adoption "Customers of both parties adopt the joint product"
    objective Partnership "Both teams would choose this partner again"

    body SteeringCommittee "Joint steering committee" {
        members ${O}.Sponsor, ${O}.AllianceLead, ${P}.Sponsor, ${P}.AllianceLead
        votes by unanimity
        chair rotates yearly
        meets quarterly
    }

    body DevelopmentTeam "Joint development team" {
        members ${O}.TechLead, ${O}.AllianceLead, ${P}.TechLead, ${P}.AllianceLead
        votes by consensus
        chair rotates yearly
        meets monthly
    }

    decision Roadmap "Joint roadmap and budget" {
        proposed by DevelopmentTeam
        decided by SteeringCommittee
        informs ${O}, ${P}
        escalates to Disputes
    }

    decision Architecture "Technical architecture of the joint product" {
        proposed by ${P}.TechLead
        decided by DevelopmentTeam
        consults ${O}.TechLead
        escalates to Disputes
    }

    decision GoToMarket "Launch plan and pricing" {
        decided by ${O}
        consults ${P}.AllianceLead
        informs ${P}
    }

    decision Hosting "Where the joint product runs" {
        decided by ${P}
        consults ${O}.TechLead
        informs ${O}
    }

    escalation Disputes "Dispute resolution" {
        level ${O}.AllianceLead, ${P}.AllianceLead within 10 days
        level SteeringCommittee within 30 days
        // TODO: who settles what the committee cannot.
        finally mediation "An independent mediator chosen jointly"
    }

    commitment Engineering "Staff the joint development team" {
        owner ${O}.TechLead
        to ${P}
        every quarter
        supports Release
    }

    commitment Platform "Provide the platform and its support" {
        owner ${P}.TechLead
        to ${O}
        every quarter
        supports Release
    }

    commitment Launch "Market the joint product to existing customers" {
        owner ${O}.AllianceLead
        to ${P}
        every quarter
        supports Adoption
    }

    // TODO: the figures both parties commit to.
    metric Customers "Customers using the joint product" {
        kind outcome
        owner ${O}.AllianceLead
        target >= 50 customers
        cadence quarterly
        tracks Adoption
        benefits ${O}, ${P}
    }

    metric MilestonesOnTime "Roadmap milestones met on time" {
        kind process
        owner ${P}.AllianceLead
        target >= 90 %
        cadence quarterly
        tracks Release
        benefits ${O}, ${P}
    }

    metric AllianceHealth "Joint alliance health survey" {
        kind relationship
        owner ${P}.AllianceLead
        target >= 4 of 5
        cadence yearly
        tracks Partnership
        benefits ${O}, ${P}
    }

    exit {
        // TODO: how a party may leave, and what happens to the joint work.
        notice 6 months
        "Either party may leave after the first release; both keep a licence to the joint product."
    }
}
`;
    },

    reseller: input => {
        const { org: O, partner: P } = input;
        return `${partnerParty(input, [['Owner', 'Managing director'], ['SalesLead', 'Head of sales'], ['Presales', 'Presales lead']])}
// A reseller programme written to be fair to the reseller: a quarterly
// business review that decides jointly, deal registration with a time box,
// an escalation that ends with a mediator, commitments both ways.
charter ${charterId(input)} ${quote(`${input.orgName} reseller programme: ${input.partnerName}`)} {
    parties ${O}, ${P}
    // TODO: the shared vision, in one sentence both parties would sign.
    vision "Make our products the default choice of the reseller's customers, sold and supported by the reseller."
${term(input.year, 2)}
    review quarterly

    // TODO: what the programme must achieve, measurably.
    objective Revenue "Resold revenue grows every year"
    objective Coverage "The reseller is certified on every product it sells"
    objective Trust "The reseller recommends the programme to peers"

    body BusinessReview "Quarterly business review" {
        members ${O}.SalesLead, ${O}.AllianceLead, ${P}.Owner, ${P}.SalesLead
        votes by consensus
        chair rotates yearly
        meets quarterly
    }

    decision PriceList "Partner price list and discounts" {
        proposed by ${O}.SalesLead
        decided by BusinessReview
        informs ${O}, ${P}
        escalates to Disputes
    }

    decision DealRegistration "Approval of registered deals" {
        proposed by ${P}.SalesLead
        decided by ${O}.SalesLead
        informs ${P}
    }

    decision LocalCampaigns "Local marketing campaigns" {
        decided by ${P}.Owner
        consults ${O}.AllianceLead
        informs ${O}
    }

    decision ProgrammeRules "Programme tiers and requirements" {
        proposed by ${O}.AllianceLead
        decided by BusinessReview
        informs ${O}, ${P}
        escalates to Disputes
    }

    escalation Disputes "Escalation path" {
        level ${O}.AllianceLead, ${P}.SalesLead within 5 days
        level ${O}.Sponsor, ${P}.Owner within 10 days
        // TODO: who settles what the executives cannot.
        finally mediation "An independent mediator chosen jointly"
    }

    commitment Certification "Keep consultants certified on every product sold" {
        owner ${P}.Presales
        to ${O}
        every quarter
        supports Coverage
    }

    commitment Pipeline "Report the joint pipeline" {
        owner ${P}.SalesLead
        to ${O}
        every month
        supports Revenue
    }

    commitment MarketingFunds "Provide market development funds" {
        owner ${O}.AllianceLead
        to ${P}
        every quarter
        supports Revenue
    }

    commitment PartnerSupport "Second-line support within one business day" {
        owner ${O}.Operations
        to ${P}
        every week
        supports Trust
    }

    // TODO: the figures both parties commit to.
    metric ResoldRevenue "Resold revenue" {
        kind outcome
        owner ${P}.SalesLead
        target >= 1000000 EUR
        cadence quarterly
        tracks Revenue
        benefits ${O}, ${P}
    }

    metric DealApprovalTime "Days to approve a registered deal" {
        kind process
        owner ${O}.SalesLead
        target <= 2 days
        cadence monthly
        tracks Revenue
        benefits ${P}
    }

    metric CertifiedConsultants "Certified consultants" {
        kind process
        owner ${P}.Presales
        target >= 4
        cadence quarterly
        tracks Coverage
        benefits ${O}, ${P}
    }

    metric PartnerSatisfaction "Partner satisfaction survey" {
        kind relationship
        owner ${O}.AllianceLead
        target >= 4 of 5
        cadence yearly
        tracks Trust
        benefits ${O}, ${P}
    }

    exit {
        // TODO: how a party may leave, and what happens to the customers.
        notice 90 days
        "Either party may terminate; the reseller keeps supporting its installed customers for 12 months with our backing."
    }
}
`;
    },

    'joint-venture': input => {
        const { org: O, partner: P } = input;
        return `${partnerParty(input, [['Sponsor', 'Executive sponsor'], ['AllianceLead', 'Alliance manager'], ['Finance', 'Chief financial officer']])}
// A joint venture: a board with equal seats that decides by unanimity the
// matters reserved to the owners, an operating committee for the rest, an
// escalation that ends in arbitration, contributions and metrics both ways.
charter ${charterId(input)} ${quote(`${input.orgName} x ${input.partnerName} joint venture`)} {
    parties ${O}, ${P}
    // TODO: the shared vision, in one sentence both parties would sign.
    vision "Build a jointly owned business that serves a market neither parent serves alone."
${term(input.year, 5)}
    review yearly

    // TODO: what the venture must achieve, measurably.
    objective Profitability "The venture is profitable by its third year"
    objective Growth "The venture wins customers in its target market"
    objective Partnership "Both owners would found the venture again"

    body Board "Joint venture board" {
        members ${O}.Sponsor, ${O}.AllianceLead, ${P}.Sponsor, ${P}.AllianceLead
        votes by unanimity
        chair rotates yearly
        meets quarterly
    }

    body OperatingCommittee "Operating committee" {
        members ${O}.Operations, ${O}.AllianceLead, ${P}.Finance, ${P}.AllianceLead
        votes by consensus
        chair rotates yearly
        meets monthly
    }

    decision BusinessPlan "Annual business plan and budget" {
        proposed by OperatingCommittee
        decided by Board
        informs ${O}, ${P}
        escalates to Disputes
    }

    decision Capital "New capital and dividends" {
        decided by Board
        consults ${O}.Sponsor, ${P}.Finance
        informs ${O}, ${P}
        escalates to Disputes
    }

    decision Hiring "Hiring of the venture's management" {
        proposed by OperatingCommittee
        decided by Board
        informs ${O}, ${P}
        escalates to Disputes
    }

    decision Operations "Day-to-day operations within the plan" {
        decided by OperatingCommittee
        informs ${O}, ${P}
        escalates to Disputes
    }

    escalation Disputes "Dispute resolution" {
        level OperatingCommittee within 14 days
        level Board within 30 days
        // TODO: the arbitration the owners agree to.
        finally arbitration "Arbitration under the rules both owners choose"
    }

    commitment CapitalFromOrg "Contribute half of the initial capital" {
        owner ${O}.Sponsor
        to ${P}
        every year
        supports Profitability
    }

    commitment CapitalFromPartner "Contribute half of the initial capital" {
        owner ${P}.Finance
        to ${O}
        every year
        supports Profitability
    }

    commitment Staff "Second staff to the venture" {
        owner ${O}.Operations
        to ${P}
        every quarter
        supports Growth
    }

    commitment Reporting "Report the venture's accounts" {
        owner ${P}.Finance
        to ${O}
        every quarter
        supports Profitability
    }

    // TODO: the figures both owners commit to.
    metric Margin "Operating margin of the venture" {
        kind outcome
        owner ${P}.Finance
        target >= 10 %
        cadence quarterly
        tracks Profitability
        benefits ${O}, ${P}
    }

    metric NewCustomers "New customers of the venture" {
        kind outcome
        owner ${O}.AllianceLead
        target >= 20 customers
        cadence quarterly
        tracks Growth
        benefits ${O}, ${P}
    }

    metric PlanOnTime "Business plan milestones met on time" {
        kind process
        owner ${O}.Operations
        target >= 90 %
        cadence quarterly
        tracks Growth
        benefits ${O}, ${P}
    }

    metric OwnerSurvey "Owners' confidence survey" {
        kind relationship
        owner ${P}.AllianceLead
        target >= 4 of 5
        cadence yearly
        tracks Partnership
        benefits ${O}, ${P}
    }

    exit {
        // TODO: how an owner may leave (buy-out, right of first refusal).
        notice 12 months
        "An owner who leaves offers its share to the other first, at a price set by an independent valuer."
    }
}
`;
    },

    coalition: input => {
        const { org: O, partner: P } = input;
        const T = `${P}Two`;
        return `${partnerParty(input, [['Director', 'Executive director'], ['Programmes', 'Head of programmes']])}
// TODO: ${T} stands for the third member: rename it and give its name and roles (or add more members).
party ${T} "TODO: third member's legal name" {
    role Director "Executive director"
    role Outreach "Community outreach lead"
}

// A multi-party coalition: a board of one seat per member deciding by
// majority (no member carries a vote alone), a working group that meets
// monthly, an escalation through the board to mediation.
charter ${charterId(input)} ${quote(`${input.orgName} coalition`)} {
    parties ${O}, ${P}, ${T}
    // TODO: the shared cause, in one sentence every member would sign.
    vision "Together achieve for our community what no member can achieve alone."
${term(input.year, 4)}
    review yearly

    // TODO: what the coalition must achieve, measurably.
    objective Impact "Reach the people the coalition serves"
    objective Funding "Fund the programme for its whole term"
    objective Trust "Members and the public trust the coalition"

    body Board "Coalition board" {
        members ${O}.Sponsor, ${P}.Director, ${T}.Director
        votes by majority
        chair rotates yearly
        meets quarterly
    }

    body WorkingGroup "Delivery working group" {
        members ${O}.Operations, ${P}.Programmes, ${T}.Outreach
        votes by consensus
        chair rotates yearly
        meets monthly
    }

    decision AnnualPlan "Annual plan and budget" {
        proposed by WorkingGroup
        decided by Board
        informs ${O}, ${P}, ${T}
        escalates to Disputes
    }

    decision Eligibility "Who the programme serves" {
        proposed by ${T}.Outreach
        decided by WorkingGroup
        consults ${O}.Operations
        escalates to Disputes
    }

    decision Delivery "How the programme is delivered" {
        decided by ${P}.Programmes
        consults WorkingGroup
        informs ${O}, ${T}
    }

    decision Outreach "Outreach plan" {
        decided by ${T}.Director
        consults WorkingGroup
        informs ${O}, ${P}
    }

    decision Reporting "Public reporting" {
        decided by ${O}.AllianceLead
        consults WorkingGroup
        informs ${P}, ${T}
    }

    escalation Disputes "Dispute resolution" {
        level WorkingGroup within 14 days
        level Board within 30 days
        // TODO: who settles what the board cannot.
        finally mediation "A community mediation service chosen by the board"
    }

    commitment CoFunding "Co-fund the programme" {
        owner ${O}.Sponsor
        to ${P}, ${T}
        every year
        supports Funding
    }

    commitment Programme "Run the programme" {
        owner ${P}.Programmes
        to ${O}, ${T}
        every month
        supports Impact
    }

    commitment Enrolment "Enrol participants in priority neighbourhoods" {
        owner ${T}.Outreach
        to ${O}, ${P}
        every quarter
        supports Impact, Trust
    }

    // TODO: the figures every member commits to.
    metric PeopleReached "People the programme reached" {
        kind outcome
        owner ${P}.Programmes
        target >= 1000 people
        cadence quarterly
        tracks Impact
        benefits ${O}, ${P}, ${T}
    }

    metric FundingSecured "Share of the budget funded" {
        kind outcome
        owner ${O}.Sponsor
        target >= 100 %
        cadence yearly
        tracks Funding
        benefits ${O}, ${P}, ${T}
    }

    metric PlanOnTime "Plan milestones met on time" {
        kind process
        owner ${O}.Operations
        target >= 90 %
        cadence quarterly
        tracks Impact
        benefits ${O}, ${P}, ${T}
    }

    metric MemberTrust "Member and public trust survey" {
        kind relationship
        owner ${T}.Outreach
        target >= 4 of 5
        cadence yearly
        tracks Trust
        benefits ${O}, ${P}, ${T}
    }

    exit {
        // TODO: how a member may leave.
        notice 6 months
        "A leaving member completes the work it has started; the others may continue the coalition."
    }
}
`;
    },

    supplier: input => {
        const { org: O, partner: P } = input;
        return `${partnerParty(input, [['AccountDirector', 'Key account director'], ['QualityLead', 'Head of quality'], ['Logistics', 'Logistics manager']])}
// A strategic supplier partnership: a joint supplier council that decides
// together what affects both (forecasts, quality standards, improvement),
// each party deciding its own operations, an escalation to executives and a
// mediator, commitments and metrics both ways.
charter ${charterId(input)} ${quote(`${input.orgName} x ${input.partnerName} supplier partnership`)} {
    parties ${O}, ${P}
    // TODO: the shared vision, in one sentence both parties would sign.
    vision "Secure reliable supply at fair cost, and improve quality and cost together every year."
${term(input.year, 3)}
    review every 6 months

    // TODO: what the partnership must achieve, measurably.
    objective Reliability "Every order delivered complete and on time"
    objective Quality "Defects fall every year"
    objective Partnership "Both parties would choose this partner again"

    body SupplierCouncil "Joint supplier council" {
        members ${O}.Operations, ${O}.AllianceLead, ${P}.AccountDirector, ${P}.QualityLead
        votes by consensus
        chair rotates yearly
        meets quarterly
    }

    decision Forecast "Rolling demand forecast and capacity" {
        proposed by ${O}.Operations
        decided by SupplierCouncil
        informs ${O}, ${P}
        escalates to Disputes
    }

    decision QualityStandards "Quality standards and inspections" {
        proposed by ${P}.QualityLead
        decided by SupplierCouncil
        informs ${O}, ${P}
        escalates to Disputes
    }

    decision Prices "Yearly price review" {
        decided by ${O}.Sponsor, ${P}.AccountDirector
        consults SupplierCouncil
        informs ${O}, ${P}
        escalates to Disputes
    }

    decision Shipping "Shipping routes and carriers" {
        decided by ${P}.Logistics
        consults ${O}.Operations
        informs ${O}
    }

    escalation Disputes "Escalation path" {
        level ${O}.AllianceLead, ${P}.AccountDirector within 5 days
        level SupplierCouncil within 15 days
        // TODO: who settles what the council cannot.
        finally mediation "An independent mediator chosen jointly"
    }

    commitment Forecasts "Share the rolling forecast" {
        owner ${O}.Operations
        to ${P}
        every month
        supports Reliability
    }

    commitment Deliveries "Deliver every order complete and on time" {
        owner ${P}.Logistics
        to ${O}
        every week
        supports Reliability
    }

    commitment Improvement "Run a joint cost and quality improvement programme" {
        owner ${P}.QualityLead
        to ${O}
        every quarter
        supports Quality
    }

    commitment PromptPayment "Pay invoices within 30 days" {
        owner ${O}.Sponsor
        to ${P}
        every month
        supports Partnership
    }

    // TODO: the figures both parties commit to.
    metric OnTimeInFull "Orders delivered on time and in full" {
        kind outcome
        owner ${P}.Logistics
        target >= 98 %
        cadence monthly
        tracks Reliability
        benefits ${O}, ${P}
    }

    metric DefectRate "Defective parts per million" {
        kind outcome
        owner ${P}.QualityLead
        target <= 50 ppm
        cadence monthly
        tracks Quality
        benefits ${O}, ${P}
    }

    metric ForecastAccuracy "Forecast accuracy" {
        kind process
        owner ${O}.Operations
        target >= 85 %
        cadence monthly
        tracks Reliability
        benefits ${P}
    }

    metric SupplierSurvey "Joint relationship survey" {
        kind relationship
        owner ${O}.AllianceLead
        target >= 4 of 5
        cadence yearly
        tracks Partnership
        benefits ${O}, ${P}
    }

    exit {
        // TODO: how a party may leave, and how supply continues meanwhile.
        notice 12 months
        "Either party may leave; the supplier keeps delivering at the agreed prices during the notice period."
    }
}
`;
    }
};
