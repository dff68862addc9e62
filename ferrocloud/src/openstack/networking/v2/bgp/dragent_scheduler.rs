//! Scheduling BGP speakers on BGP dynamic routing agents (`bgp_dragent_scheduler`):
//! which speakers an agent hosts, which agents host a speaker, and moving a speaker
//! onto or off an agent (admin).
//!
//! Neutron schedules a new speaker on an agent by itself; these calls are for placing
//! it by hand. They need a running `neutron-bgp-dragent`.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::bgp::dragent_scheduler;
//!
//! let speaker_id = "5639072c-49eb-480a-9f11-953386589bc8";
//! for agent in dragent_scheduler::list_dragents_hosting_speaker(&network, speaker_id).await.extract()? {
//!     dragent_scheduler::remove_speaker(&network, &agent.id, speaker_id).await.ok()?;
//! }
//! dragent_scheduler::add_speaker(&network, "{agent_id}", speaker_id).await.ok()?;
//! let hosted = dragent_scheduler::list_speakers(&network, "{agent_id}").await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::speakers::BgpSpeaker;
use crate::openstack::networking::v2::agents::Agent;
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "network";
    /// Schedule a BGP speaker on a dynamic routing agent.
    ADD_SPEAKER = POST "/agents/{bgp-agent-id}/bgp-drinstances" request(SpeakerRef);
    /// List the BGP speakers a dynamic routing agent hosts.
    LIST_SPEAKERS = GET "/agents/{bgp-dragent-id}/bgp-drinstances"
        list("bgp_speakers", BgpSpeaker);
    /// Remove a BGP speaker from a dynamic routing agent.
    REMOVE_SPEAKER = DELETE "/agents/{bgp-agent-id}/bgp-drinstances/{bgp-speaker-id}";
    /// List the dynamic routing agents hosting a BGP speaker.
    LIST_DRAGENTS = GET "/bgp-speakers/{bgp-speaker-id}/bgp-dragents" list("agents", Agent);
}

/// A BGP speaker named in a scheduling request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SpeakerRef {
    /// The speaker's ID.
    pub bgp_speaker_id: String,
}

impl Validate for SpeakerRef {
    fn validate(&self) -> Result<()> {
        crate::request::require("bgp_speaker_id", !self.bgp_speaker_id.is_empty())
    }
}

/// Schedules the speaker `speaker_id` on the dynamic routing agent `agent_id`.
pub async fn add_speaker(
    client: &ServiceClient,
    agent_id: &str,
    speaker_id: &str,
) -> ApiResult<()> {
    let body = SpeakerRef {
        bgp_speaker_id: speaker_id.to_string(),
    };
    client
        .request(&ADD_SPEAKER, &[agent_id])
        .body(&body)
        .send()
        .await
}

/// The BGP speakers the dynamic routing agent `agent_id` hosts (one answer, no pages).
pub async fn list_speakers(client: &ServiceClient, agent_id: &str) -> ApiResult<Vec<BgpSpeaker>> {
    client.request(&LIST_SPEAKERS, &[agent_id]).send().await
}

/// Removes the speaker `speaker_id` from the dynamic routing agent `agent_id`.
pub async fn remove_speaker(
    client: &ServiceClient,
    agent_id: &str,
    speaker_id: &str,
) -> ApiResult<()> {
    client
        .request(&REMOVE_SPEAKER, &[agent_id, speaker_id])
        .send()
        .await
}

/// The dynamic routing agents hosting the speaker `speaker_id` (one answer, no pages),
/// as [`agents`](crate::openstack::networking::v2::agents) shows them.
pub async fn list_dragents_hosting_speaker(
    client: &ServiceClient,
    speaker_id: &str,
) -> ApiResult<Vec<Agent>> {
    client.request(&LIST_DRAGENTS, &[speaker_id]).send().await
}
