package org.targetwatch.registry;

import static org.targetwatch.registry.RegistryErrorCodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The registry's logic, kept in memory: subjects hold versions, every distinct schema has one global
 * id (the same schema under two subjects has one id), registering a schema again returns its id,
 * and a new version must be able to read data written with the previous one (Confluent's default
 * {@code BACKWARD} compatibility).
 *
 * <p>Used directly for {@code mock://scope} URLs (one shared instance per scope, as Confluent's
 * serdes do; tests drop their scope in teardown) and as the store behind {@link EmbeddedSchemaRegistry}.
 * Failures are {@link SchemaRegistryException}s carrying Confluent's HTTP status and error code.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

  private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

  /** One version of a subject. */
  public record SubjectVersion(String subject, int version, int id, Schema schema) {}

  private final Map<Schema, Integer> idsBySchema = new HashMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, List<Integer>> idsBySubject = new LinkedHashMap<>();
  private final SchemaJournal journal;
  private int nextId;

  /** A registry whose first id is 1, as Confluent's. */
  public InMemorySchemaRegistry() {
    this(1);
  }

  /** A registry whose ids start at {@code firstId} (tests use a multi-byte id to see the byte order). */
  public InMemorySchemaRegistry(int firstId) {
    this.nextId = firstId;
    this.journal = null;
  }

  private InMemorySchemaRegistry(SchemaJournal journal) {
    this.journal = journal;
    this.nextId = 1;
    for (SchemaJournal.Entry entry : journal.entries()) {
      idsBySchema.putIfAbsent(entry.schema(), entry.id());
      schemasById.putIfAbsent(entry.id(), entry.schema());
      idsBySubject.computeIfAbsent(entry.subject(), s -> new ArrayList<>()).add(entry.id());
      nextId = Math.max(nextId, entry.id() + 1);
    }
  }

  /**
   * A registry that keeps every registration in {@code journal} (written and synced before the id
   * is answered) and starts with what an earlier registry wrote there: subjects, versions and ids
   * survive a restart, as a Confluent registry's do in its {@code _schemas} topic.
   */
  public static InMemorySchemaRegistry keptIn(SchemaJournal journal) {
    return new InMemorySchemaRegistry(journal);
  }

  /** The registry shared by every {@code mock://scope} client of this JVM, created on first use. */
  public static InMemorySchemaRegistry forScope(String scope) {
    return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistry());
  }

  /** Forgets the registry of {@code scope}, so the next test starts empty. */
  public static void dropScope(String scope) {
    SCOPES.remove(scope);
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    List<Integer> versions = idsBySubject.get(subject);
    if (versions != null) {
      Integer existing = idsBySchema.get(schema);
      if (existing != null && versions.contains(existing)) {
        return existing;
      }
      requireReadable(subject, schema, schemasById.get(versions.get(versions.size() - 1)));
    }
    Integer known = idsBySchema.get(schema);
    int id = known != null ? known : nextId;
    if (journal != null) {
      journal.append(new SchemaJournal.Entry(subject, id, schema));
    }
    if (known == null) {
      nextId++;
      idsBySchema.put(schema, id);
    }
    schemasById.putIfAbsent(id, schema);
    idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
    return id;
  }

  @Override
  public synchronized int idOf(String subject, Schema schema) {
    return lookUp(subject, schema).id();
  }

  /** The version of {@code subject} that holds {@code schema}. */
  public synchronized SubjectVersion lookUp(String subject, Schema schema) {
    List<Integer> versions = versionsOf(subject);
    Integer id = idsBySchema.get(schema);
    int index = id == null ? -1 : versions.indexOf(id);
    if (index < 0) {
      throw new SchemaRegistryException("Schema not found", 404, SCHEMA_NOT_FOUND);
    }
    return new SubjectVersion(subject, index + 1, id, schemasById.get(id));
  }

  @Override
  public synchronized Schema schemaById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw new SchemaRegistryException("Schema " + id + " not found", 404, SCHEMA_NOT_FOUND);
    }
    return schema;
  }

  public synchronized List<String> subjects() {
    return List.copyOf(idsBySubject.keySet());
  }

  /** The version numbers of {@code subject}: 1, 2, ... */
  public synchronized List<Integer> versions(String subject) {
    return IntStream.rangeClosed(1, versionsOf(subject).size()).boxed().toList();
  }

  public synchronized SubjectVersion version(String subject, int version) {
    List<Integer> versions = versionsOf(subject);
    if (version < 1 || version > versions.size()) {
      throw new SchemaRegistryException("Version " + version + " not found.", 404, VERSION_NOT_FOUND);
    }
    int id = versions.get(version - 1);
    return new SubjectVersion(subject, version, id, schemasById.get(id));
  }

  public synchronized SubjectVersion latest(String subject) {
    return version(subject, versionsOf(subject).size());
  }

  private List<Integer> versionsOf(String subject) {
    List<Integer> versions = idsBySubject.get(subject);
    if (versions == null) {
      throw new SchemaRegistryException("Subject '" + subject + "' not found.", 404, SUBJECT_NOT_FOUND);
    }
    return versions;
  }

  private static void requireReadable(String subject, Schema newSchema, Schema latest) {
    SchemaPairCompatibility check = SchemaCompatibility.checkReaderWriterCompatibility(newSchema, latest);
    if (check.getType() != SchemaCompatibilityType.COMPATIBLE) {
      String details = check.getResult().getIncompatibilities().stream()
          .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
          .toList().toString();
      throw new SchemaRegistryException("Schema being registered is incompatible with an earlier schema for subject \""
          + subject + "\", details: " + details, 409, INCOMPATIBLE_SCHEMA);
    }
  }
}
