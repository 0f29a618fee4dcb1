/**
 * A generated charter of six parties with long names, long role names, long
 * titles and texts: what the views must fit without clipping or cutting a word
 * (issue #20). Used by the Chromium fit test and the workbench's screenshots.
 */
export const SIX_PARTY_NAMES = [
    'MunicipalHousingAuthority', 'TenantsUnionOfGreaterRiverton', 'NorthernRetrofitCooperative',
    'RegionalEnergyAgency', 'GreenBuildingFinanceTrust', 'UniversityOfRivertonResearch'
];

export function sixPartyCharter(): string {
    const parties = SIX_PARTY_NAMES;
    const declarations = parties.map((party, index) => `party ${party} "${party.replace(/([a-z])([A-Z])/g, '$1 $2')}" {
    role ChiefExecutiveOfficer "Chief executive officer"
    role ProgrammeCoordinator${index} "Programme coordinator for the retrofit programme"
}`).join('\n');
    const decisions = parties.map((party, index) => `    decision FundingAllocationRound${index} "Allocation of the retrofit fund, round ${index + 1}" {
        decided by ${index % 2 === 0 ? 'JointProgrammeSteeringCommittee' : `${party}.ChiefExecutiveOfficer, ${parties[(index + 1) % 6]}.ChiefExecutiveOfficer`}
        consults ${parties[(index + 2) % 6]}
        informs ${parties[(index + 3) % 6]}
    }`).join('\n');
    return `${declarations}
charter SixPartyRetrofitProgramme "The six-party neighbourhood retrofit programme of Greater Riverton" {
    parties ${parties.join(', ')}
    vision "Warm, affordable homes for every tenant of the estate"
    review every 6 months
    objective WarmHomes "Every home warm at an affordable cost"
    body JointProgrammeSteeringCommittee "Joint programme steering committee" {
        members ${parties.map(party => `${party}.ChiefExecutiveOfficer`).join(', ')}
        votes by majority
        chair rotates yearly
        meets monthly
    }
${decisions}
    escalation DisputesBetweenTheSixParties "Disputes between the six parties of the programme" {
        level ${parties.slice(0, 3).map((party, index) => `${party}.ProgrammeCoordinator${index}`).join(', ')} within 10 days
        level JointProgrammeSteeringCommittee within 30 days
        finally arbitration "Binding arbitration by the Chartered Institute of Arbitrators, Riverton branch"
    }
    escalation Unresolved "Issues nobody has a way out of" {
        level ${parties[5]}.ChiefExecutiveOfficer
    }
    commitment InsulateTheFirstHundredHomes "Insulate the first hundred homes" {
        owner ${parties[2]}.ChiefExecutiveOfficer
        to ${parties[1]}
        due 2027-06-30
    }
    metric TenantEnergyBills "Average tenant energy bill" {
        kind outcome
        owner ${parties[3]}
        target <= 900
        cadence quarterly
        tracks WarmHomes
        benefits ${parties[1]}
    }
}
`;
}
