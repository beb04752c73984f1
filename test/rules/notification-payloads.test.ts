import { scanSource } from '../../src/analysis/scan-source.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { compileRules } from '../../src/rules/compile-rules.js';
import { loadRules } from '../../src/rules/load-rules.js';

const ds209 = compileRules(loadRules(bundledRulesDir()).filter((r) => r.id === 'DS209'));

/** The lines DS209 reports in `lines`, scanned as the file `path`. */
const reported = (path: string, lines: string[]) => scanSource(path, lines.join('\n'), ds209).findings.map((f) => f.line);

// A `*Payload(...)` object is a notification's payload where the file sends versioned
// notifications (`.emit(...)`, a `*Notification(...)` built): a pydantic model that happens to be
// called Payload, or neutron-lib's callback payloads, publish nothing on the message bus.
describe('DS209 on payload objects', () => {
  it("spares skyline's pydantic JWT payload, built from the token in a method of its own model", () => {
    const source = [
      'from jose import jwt', //                                                      1
      'from pydantic import BaseModel, Field', //                                     2
      '', //                                                                          3
      'class PayloadBase(BaseModel):', //                                             4
      '    keystone_token: str = Field(..., description="Keystone token")', //        5
      '', //                                                                          6
      'class Payload(PayloadBase):', //                                               7
      '    def toJWTPayload(self):', //                                               8
      '        return jwt.encode({"keystone_token": self.keystone_token}, "k")', //   9
      '', //                                                                          10
      'class Profile(PayloadBase):', //                                               11
      '    def toPayLoad(self):', //                                                  12
      '        return Payload(', //                                                   13
      '            keystone_token=self.keystone_token,', //                           14
      '        )', //                                                                 15
    ];
    expect(reported('skyline_apiserver/schemas/login.py', source)).toEqual([]);
  });

  it("spares skyline's decoding of the session cookie into that model, imported from another module", () => {
    const source = [
      'from jose import jwt',
      'from skyline_apiserver import schemas',
      'from skyline_apiserver.config import CONF',
      '',
      'def parse_access_token(token):',
      '    payload = jwt.decode(token, CONF.default.secret_key, algorithms=["HS256"])',
      '    return schemas.Payload(',
      '        keystone_token=payload["keystone_token"],',
      '        region=payload["region"],',
      '    )',
    ];
    expect(reported('skyline_apiserver/core/security.py', source)).toEqual([]);
  });

  it("reports neutron's notifier call but not the callback payload beside it, which stays in the process", () => {
    const source = [
      'from neutron_lib.callbacks import events', //                                          1
      'from neutron_lib.callbacks import registry', //                                        2
      '', //                                                                                  3
      'class NotifierHook(object):', //                                                       4
      '    def after(self, state):', //                                                       5
      '        registry.publish("port", events.BEFORE_RESPONSE, self,', //                    6
      '                         payload=events.APIEventPayload(', //                          7
      '                             state.context, "port.create.end", None,', //              8
      '                             request_body=state.request.body))', //                    9
      '        self._notifier.info(state.context, "port.create.start", state.request.body)', // 10
    ];
    expect(reported('neutron/pecan_wsgi/hooks/notifier.py', source)).toEqual([10]);
  });

  it("reports nova's payload objects where the file emits them, or builds the notification that will", () => {
    const emitted = [
      'from nova.notifications.objects import instance as instance_notification', // 1
      '', //                                                                             2
      'def notify_about_instance_rescue_action(context, instance, host, admin_password):', // 3
      '    password = admin_password', //                                                4
      '    payload = instance_notification.InstanceActionRescuePayload(', //             5
      '        context=context, instance=instance, rescue_image_ref=password)', //       6
      '    notification = instance_notification.InstanceActionRescueNotification(', //   7
      '        context=context, payload=payload)', //                                   8
      '    notification.emit(context)', //                                               9
    ];
    expect(reported('nova/compute/utils.py', emitted)).toEqual([5]);
    const built = emitted.slice(0, 8).concat(['    return notification']);
    expect(reported('nova/compute/utils.py', built)).toEqual([5]);
    const neither = emitted.slice(0, 6).concat(['    return payload']);
    expect(reported('nova/compute/utils.py', neither)).toEqual([]);
  });
});
