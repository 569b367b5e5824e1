package io.kensa.analyze.misconfig.kubernetes;

import io.kensa.core.KensaException;
import io.kensa.core.misconfig.MisconfigFinding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The workload checks on manifests from the Kubernetes documentation's examples (and variations of them). */
class KubernetesChecksTest {

    static List<MisconfigFinding> check(String yaml) {
        return KubernetesChecks.run(YamlDocuments.read(yaml, "m.yaml"), "m.yaml");
    }

    static List<String> hits(String yaml) {
        return check(yaml).stream().map(f -> f.id() + "@" + f.line()).toList();
    }

    /** "Configure a Security Context for a Pod or Container": security-context.yaml. */
    static final String SECURITY_CONTEXT_DEMO = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: security-context-demo
            spec:
              securityContext:
                runAsUser: 1000
                runAsGroup: 3000
                fsGroup: 2000
                supplementalGroups: [4000]
              volumes:
              - name: sec-ctx-vol
                emptyDir: {}
              containers:
              - name: sec-ctx-demo
                image: busybox:1.28
                command: [ "sh", "-c", "sleep 1h" ]
                volumeMounts:
                - name: sec-ctx-vol
                  mountPath: /data/demo
                securityContext:
                  allowPrivilegeEscalation: false
            """;

    @Test
    void securityContextDemo() {
        // runAsUser 1000 at pod level: not root; escalation off. Still: ALL not dropped, root fs writable.
        assertThat(hits(SECURITY_CONTEXT_DEMO)).containsExactly("KSV003@21", "KSV014@21");
        assertThat(check(SECURITY_CONTEXT_DEMO)).allMatch(f -> f.source().equals("kubernetes")
                && f.path().equals("m.yaml") && f.layer() == null);
    }

    @Test
    void aHardenedContainerPasses() {
        assertThat(hits("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: hardened
                spec:
                  replicas: 2
                  selector:
                    matchLabels: {app: hardened}
                  template:
                    metadata:
                      labels: {app: hardened}
                    spec:
                      securityContext:
                        runAsNonRoot: true
                        seccompProfile: {type: RuntimeDefault}
                      containers:
                      - name: app
                        image: registry.example.com/app:1.4.2
                        securityContext:
                          allowPrivilegeEscalation: false
                          readOnlyRootFilesystem: true
                          capabilities:
                            drop: ["ALL"]
                            add: ["NET_BIND_SERVICE"]
                """)).isEmpty();
    }

    @Test
    void deploymentExampleRunsWithDefaults() {
        // "Deployments": nginx-deployment.yaml; nothing is set, so every container default is reported
        assertThat(hits("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: nginx-deployment
                  labels:
                    app: nginx
                spec:
                  replicas: 3
                  selector:
                    matchLabels:
                      app: nginx
                  template:
                    metadata:
                      labels:
                        app: nginx
                    spec:
                      containers:
                      - name: nginx
                        image: nginx:1.14.2
                        ports:
                        - containerPort: 80
                """)).containsExactly("KSV001@18", "KSV012@18", "KSV003@18", "KSV014@18");
    }

    @Test
    void hostPathAndUntaggedImage() {
        // "Volumes": the hostPath example, test-pd; its image has no tag
        List<MisconfigFinding> f = check("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: test-pd
                spec:
                  containers:
                  - image: registry.k8s.io/test-webserver
                    name: test-container
                    volumeMounts:
                    - mountPath: /test-pd
                      name: test-volume
                  volumes:
                  - name: test-volume
                    hostPath:
                      # directory location on host
                      path: /data
                      # this field is optional
                      type: Directory
                """);
        assertThat(f).extracting(x -> x.id() + "@" + x.line()).containsExactly("KSV023@14", "KSV001@7", "KSV012@7",
                "KSV003@7", "KSV014@7", "KSV013@7");
        assertThat(f.getFirst().evidence()).containsExactly("Pod/test-pd: volume 'test-volume' is a hostPath (/data)");
        assertThat(f.getLast().evidence()).containsExactly(
                "Pod/test-pd: container 'test-container': image registry.k8s.io/test-webserver has no tag (latest)");
    }

    @Test
    void addedCapabilities() {
        // "Configure a Security Context": security-context-4.yaml
        assertThat(hits("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: security-context-demo-4
                spec:
                  containers:
                  - name: sec-ctx-4
                    image: gcr.io/google-samples/hello-app:2.0
                    securityContext:
                      capabilities:
                        add: ["NET_ADMIN", "SYS_TIME"]
                """)).containsExactly("KSV001@9", "KSV012@9", "KSV022@11", "KSV003@10", "KSV014@9");
    }

    @Test
    void privilegedHostNamespacesAndTheDockerSocket() {
        List<MisconfigFinding> f = check("""
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: node-agent
                  namespace: kube-system
                spec:
                  selector:
                    matchLabels: {name: node-agent}
                  template:
                    metadata:
                      labels: {name: node-agent}
                    spec:
                      hostNetwork: true
                      hostPID: true
                      hostIPC: true
                      securityContext:
                        runAsUser: 0
                      initContainers:
                      - name: setup
                        image: busybox:latest
                        securityContext:
                          privileged: true
                          allowPrivilegeEscalation: true
                          runAsNonRoot: false
                          readOnlyRootFilesystem: true
                          capabilities:
                            add: ["CAP_SYS_ADMIN", "ALL"]
                            drop: ["ALL"]
                      containers:
                      - name: agent
                        image: example.com/agent@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                        securityContext:
                          runAsUser: 0
                          allowPrivilegeEscalation: false
                          readOnlyRootFilesystem: true
                          capabilities:
                            drop: [all]
                        volumeMounts:
                        - {name: docker, mountPath: /var/run/docker.sock}
                      volumes:
                      - name: docker
                        hostPath:
                          path: /var/run/docker.sock
                          type: Socket
                """);
        assertThat(f).extracting(x -> x.id() + "@" + x.line()).containsExactly(
                "KSV008@15", "KSV009@13", "KSV010@14",
                "KSV023@42", "KSV006@42", "KSV105@17",
                "KSV012@32", "KSV105@33",
                "KSV017@22", "KSV001@23", "KSV012@24", "KSV005@27", "KSV022@27", "KSV013@20");
        assertThat(f.get(12).evidence()).containsExactly(
                "DaemonSet/node-agent: initContainer 'setup': capabilities.add has SYS_ADMIN, ALL");
    }

    @Test
    void cronJobMultiDocumentAndLists() {
        // "CronJob": the hello example, plus a Service and a ConfigMap that are not workloads, and a List
        List<MisconfigFinding> f = check("""
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: hello
                spec:
                  schedule: "* * * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers:
                          - name: hello
                            image: busybox:1.28
                            imagePullPolicy: IfNotPresent
                            command:
                            - /bin/sh
                            - -c
                            - date; echo Hello from the Kubernetes cluster
                            securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
                          restartPolicy: OnFailure
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: my-service
                spec:
                  selector:
                    app.kubernetes.io/name: MyApp
                  ports:
                    - protocol: TCP
                      port: 80
                      targetPort: 9376
                ---
                ---
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Pod
                  metadata: {name: listed}
                  spec:
                    hostPID: true
                    containers: []
                """);
        assertThat(f).extracting(x -> x.id() + "@" + x.line()).containsExactly("KSV010@42");
    }

    @Test
    void notKubernetesOrNotYaml() {
        assertThat(KubernetesChecks.isObject(YamlDocuments.read("name: ci\non: [push]\n", "ci.yml").getFirst())).isFalse();
        assertThat(check("kind: Pod\nspec:\n  hostPID: true\n")).isEmpty(); // no apiVersion: not an object
        assertThatThrownBy(() -> YamlDocuments.read("a: [1, 2\nb: {", "bad.yaml"))
                .isInstanceOf(KensaException.class).hasMessageStartingWith("bad.yaml: not valid YAML (");
        // a billion-laughs style alias chain is not expanded: an alias reads as one scalar
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i < 40; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                    .append(i - 1).append("]\n");
        }
        YamlNode.Mapping doc = (YamlNode.Mapping) YamlDocuments.read(bomb.toString(), "bomb.yaml").getFirst();
        assertThat(doc.get("a39")).isInstanceOfSatisfying(YamlNode.Sequence.class, s -> assertThat(s.items())
                .hasSize(2).allMatch(i -> i instanceof YamlNode.Scalar));
    }
}
