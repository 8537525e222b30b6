package io.hostk8s.dev.forward;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebPortTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', nullValues = "-", value = {
      "vote's http port             ; http    ; http  ; 80   ; true",
      "named http-alt               ; http-alt; 8081  ; 8081 ; true",
      "debugpy port is no web page  ; debugpy ; debug ; 5678 ; false",
      "debugpy even on a web number ; debugpy ; debug ; 5000 ; false",
      "jdwp                         ; jdwp    ; debug ; 5005 ; false",
      "redis                        ; redis   ; 6379  ; 6379 ; false",
      "unnamed usual web port       ; -       ; 8080  ; 8080 ; true",
      "unnamed, forward named http  ; -       ; http  ; 9000 ; true",
      "unnamed debug forward        ; -       ; debug ; 5000 ; false",
      "unnamed other port           ; -       ; 5432  ; 5432 ; false",
  })
  void onlyHttpPortsGetAUrl(String description, String portName, String forwardName, int remotePort, boolean web) {
    assertThat(PortForwardManager.isWeb(portName, forwardName, remotePort)).isEqualTo(web);
  }
}
