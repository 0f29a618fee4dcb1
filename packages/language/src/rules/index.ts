import type { Rule } from './rule.js';
import { absentParty } from './absent-party.js';
import { commitmentWithoutBeneficiary } from './commitment-without-beneficiary.js';
import { deadlockRisk } from './deadlock-risk.js';
import { decidedWithoutRight } from './decided-without-right.js';
import { disputeOverTime } from './dispute-over-time.js';
import { dominatedBody } from './dominated-body.js';
import { duplicateName } from './duplicate-name.js';
import { emptyBody } from './empty-body.js';
import { expiredTerm } from './expired-term.js';
import { fixedChair } from './fixed-chair.js';
import { futureEntry } from './future-entry.js';
import { incompleteMetric } from './incomplete-metric.js';
import { inconsistentDispute } from './inconsistent-dispute.js';
import { lateDelivery } from './late-delivery.js';
import { mismatchedUnit } from './mismatched-unit.js';
import { missedCommitment } from './missed-commitment.js';
import { missedMeeting } from './missed-meeting.js';
import { missingExitTerms } from './missing-exit-terms.js';
import { missingObjectives } from './missing-objectives.js';
import { missingVision } from './missing-vision.js';
import { noEscalation } from './no-escalation.js';
import { noJointForum } from './no-joint-forum.js';
import { noRelationshipMetric } from './no-relationship-metric.js';
import { noReview } from './no-review.js';
import { offTargetMetric } from './off-target-metric.js';
import { oneSidedDecisionRights } from './one-sided-decision-rights.js';
import { oneSidedDelivery } from './one-sided-delivery.js';
import { oneSidedEscalation } from './one-sided-escalation.js';
import { oneSidedFinalStep } from './one-sided-final-step.js';
import { oneSidedMetrics } from './one-sided-metrics.js';
import { orphanParty } from './orphan-party.js';
import { outsiderReference } from './outsider-reference.js';
import { overdueCommitment } from './overdue-commitment.js';
import { overloadedRole } from './overloaded-role.js';
import { perceptionGap } from './perception-gap.js';
import { reviewOverdue } from './review-overdue.js';
import { staleAssessment } from './stale-assessment.js';
import { syntax } from './syntax.js';
import { tooFewParties } from './too-few-parties.js';
import { unbalancedBody } from './unbalanced-body.js';
import { unbalancedCommitments } from './unbalanced-commitments.js';
import { undecidedDecision } from './undecided-decision.js';
import { uninformedParty } from './uninformed-party.js';
import { unilateralReservedMatter } from './unilateral-reserved-matter.js';
import { unjustifiedSuppression } from './unjustified-suppression.js';
import { unmeasuredObjective } from './unmeasured-objective.js';
import { unownedCommitment } from './unowned-commitment.js';
import { unownedMetric } from './unowned-metric.js';
import { unreportedMetric } from './unreported-metric.js';
import { unresolvedEscalation } from './unresolved-escalation.js';
import { unresolvedReference } from './unresolved-reference.js';
import { untimedEscalationLevel } from './untimed-escalation-level.js';
import { unusedSuppression } from './unused-suppression.js';

/** Every rule, in alphabetical order of id. Adding a rule: one file, one line here. */
export const allRules: readonly Rule[] = [
    absentParty,
    commitmentWithoutBeneficiary,
    deadlockRisk,
    decidedWithoutRight,
    disputeOverTime,
    dominatedBody,
    duplicateName,
    emptyBody,
    expiredTerm,
    fixedChair,
    futureEntry,
    incompleteMetric,
    inconsistentDispute,
    lateDelivery,
    mismatchedUnit,
    missedCommitment,
    missedMeeting,
    missingExitTerms,
    missingObjectives,
    missingVision,
    noEscalation,
    noJointForum,
    noRelationshipMetric,
    noReview,
    offTargetMetric,
    oneSidedDecisionRights,
    oneSidedDelivery,
    oneSidedEscalation,
    oneSidedFinalStep,
    oneSidedMetrics,
    orphanParty,
    outsiderReference,
    overdueCommitment,
    overloadedRole,
    perceptionGap,
    reviewOverdue,
    staleAssessment,
    syntax,
    tooFewParties,
    unbalancedBody,
    unbalancedCommitments,
    undecidedDecision,
    unilateralReservedMatter,
    uninformedParty,
    unjustifiedSuppression,
    unmeasuredObjective,
    unownedCommitment,
    unownedMetric,
    unreportedMetric,
    unresolvedEscalation,
    unresolvedReference,
    untimedEscalationLevel,
    unusedSuppression
];

const rulesById = new Map(allRules.map(rule => [rule.meta.id, rule]));

/** The rule with this id, if any. */
export function findRule(id: string): Rule | undefined {
    return rulesById.get(id);
}

export * from './rule.js';
