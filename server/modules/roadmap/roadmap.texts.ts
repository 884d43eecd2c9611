import type { NetworkPhase, RoadmapStepId } from '../../../common/roadmap.ts';

/** Catalogue keys of the roadmap guide, spelled out so the catalogue check sees each one used. */
export const PHASE_TEXT: Record<NetworkPhase, { title: string; summary: string }> = {
  initiation: { title: 'roadmap.phases.initiation.title', summary: 'roadmap.phases.initiation.summary' },
  organisation: {
    title: 'roadmap.phases.organisation.title',
    summary: 'roadmap.phases.organisation.summary',
  },
  sustaining: { title: 'roadmap.phases.sustaining.title', summary: 'roadmap.phases.sustaining.summary' },
  growth: { title: 'roadmap.phases.growth.title', summary: 'roadmap.phases.growth.summary' },
};

export const STEP_TEXT: Record<RoadmapStepId, { title: string; help: string }> = {
  mooc_session_recorded: {
    title: 'roadmap.steps.mooc_session_recorded.title',
    help: 'roadmap.steps.mooc_session_recorded.help',
  },
  first_graduates_joined: {
    title: 'roadmap.steps.first_graduates_joined.title',
    help: 'roadmap.steps.first_graduates_joined.help',
  },
  goals_defined: { title: 'roadmap.steps.goals_defined.title', help: 'roadmap.steps.goals_defined.help' },
  kickoff_meeting_held: {
    title: 'roadmap.steps.kickoff_meeting_held.title',
    help: 'roadmap.steps.kickoff_meeting_held.help',
  },
  meta_mentor_named: {
    title: 'roadmap.steps.meta_mentor_named.title',
    help: 'roadmap.steps.meta_mentor_named.help',
  },
  agreement_adopted: {
    title: 'roadmap.steps.agreement_adopted.title',
    help: 'roadmap.steps.agreement_adopted.help',
  },
  office_set_up: { title: 'roadmap.steps.office_set_up.title', help: 'roadmap.steps.office_set_up.help' },
  experienced_mentor_joined: {
    title: 'roadmap.steps.experienced_mentor_joined.title',
    help: 'roadmap.steps.experienced_mentor_joined.help',
  },
  members_active: { title: 'roadmap.steps.members_active.title', help: 'roadmap.steps.members_active.help' },
  goal_progress_reported: {
    title: 'roadmap.steps.goal_progress_reported.title',
    help: 'roadmap.steps.goal_progress_reported.help',
  },
  exchange_meeting_held: {
    title: 'roadmap.steps.exchange_meeting_held.title',
    help: 'roadmap.steps.exchange_meeting_held.help',
  },
  shared_resources_started: {
    title: 'roadmap.steps.shared_resources_started.title',
    help: 'roadmap.steps.shared_resources_started.help',
  },
  network_promoted: {
    title: 'roadmap.steps.network_promoted.title',
    help: 'roadmap.steps.network_promoted.help',
  },
  second_organisation_joined: {
    title: 'roadmap.steps.second_organisation_joined.title',
    help: 'roadmap.steps.second_organisation_joined.help',
  },
  another_mooc_session: {
    title: 'roadmap.steps.another_mooc_session.title',
    help: 'roadmap.steps.another_mooc_session.help',
  },
};
