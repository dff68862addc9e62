"""ML2 mechanism driver that binds every port on every host (no agents, no dataplane).

Used by scripts/devcloud so that Nova can boot fake servers on real Neutron networks.
It also registers an agentless trunk driver, so that the trunk API plugin loads.
"""
from neutron_lib.api.definitions import portbindings
from neutron_lib import constants as const
from neutron_lib.plugins.ml2 import api
from neutron_lib.services.trunk import constants as trunk_consts

from neutron.services.trunk.drivers import base as trunk_base


class NoopTrunkDriver(trunk_base.DriverBase):
    """Accepts trunks on the ports noop_bind binds; nothing to wire."""

    @property
    def is_loaded(self):
        return True


TRUNK_DRIVER = None


class NoopBindMechanismDriver(api.MechanismDriver):
    def initialize(self):
        # Created before the service plugins load: the trunk plugin asks the drivers
        # that exist when it starts.
        global TRUNK_DRIVER
        if TRUNK_DRIVER is None:
            TRUNK_DRIVER = NoopTrunkDriver(
                "noop_bind", (portbindings.VIF_TYPE_OVS,),
                (trunk_consts.SEGMENTATION_TYPE_VLAN,), agent_type=None,
                can_trunk_bound_port=True)

    @property
    def connectivity(self):
        return portbindings.CONNECTIVITY_L2

    def bind_port(self, context):
        for segment in context.segments_to_bind:
            context.set_binding(segment[api.ID], portbindings.VIF_TYPE_OVS,
                                {portbindings.CAP_PORT_FILTER: True,
                                 portbindings.OVS_HYBRID_PLUG: False},
                                status=const.PORT_STATUS_ACTIVE)
            return

    def filter_hosts_with_segment_access(self, context, segments,
                                         candidate_hosts, agent_getter):
        return set(candidate_hosts)
