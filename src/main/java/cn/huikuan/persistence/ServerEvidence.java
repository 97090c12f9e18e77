package cn.huikuan.persistence;

import cn.huikuan.storage.FileIntegrity;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import cn.huikuan.storage.ConnectionLostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An office book's evidence files in its schema on the server (table {@code evidence_content}, V19; decision 0014):
 * sent once per SHA-256, read back as a stream, and checked by the server itself ({@code sha256()} over the stored
 * bytes), so that {@code verify} on any PC tells whether the server's copy, the one every staff member reads, is intact.
 */
final class ServerEvidence implements EvidenceStore.Remote {
    private final DataSource server;

    ServerEvidence(DataSource server) {
        this.server = server;
    }

    @Override
    public void upload(String sha256, long size, Path file) throws IOException {
        try {
            send(sha256, size, file);
        } catch (SQLException e) {
            if (!OfficeFaults.connectionLost(e)) {
                throw new IOException("服务器没有收下证据文件 / the server did not take the evidence file: " + e.getMessage(), e);
            }
            // the insert is keyed by the content's hash and adds nothing when the file is there: sending it again is safe
            try {
                send(sha256, size, file);
            } catch (SQLException again) {
                again.addSuppressed(e);
                if (!OfficeFaults.connectionLost(again)) {
                    throw new IOException("服务器没有收下证据文件 / the server did not take the evidence file: " + again.getMessage(), again);
                }
                // the server is away: said as such (not as an unreadable file); nothing of the evidence is recorded
                throw new ConnectionLostException(ConnectionLostException.Outcome.NOT_SAVED, again);
            }
        }
    }

    private void send(String sha256, long size, Path file) throws SQLException, IOException {
        try (Connection c = server.getConnection()) {
            insert(c, "evidence_content", sha256, size, file);
        }
    }

    /** Stores {@code file} in {@code table} on {@code c} (in its transaction, if one is open), unless it is there. */
    static void insert(Connection c, String table, String sha256, long size, Path file) throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (sha256, size_bytes, content) VALUES (?, ?, ?)"
                + " ON CONFLICT (sha256) DO NOTHING");
             InputStream in = Files.newInputStream(file)) {
            ps.setString(1, sha256);
            ps.setLong(2, size);
            ps.setBinaryStream(3, in, size);
            ps.executeUpdate();
        }
    }

    @Override
    public boolean delete(String sha256) throws IOException {
        try (Connection c = server.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM evidence_content WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            if (OfficeFaults.connectionLost(e)) throw new ConnectionLostException(ConnectionLostException.Outcome.NOT_SAVED, e);
            throw new IOException("服务器上的证据文件删不掉 / the evidence file on the server could not be removed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean download(String sha256, Path target) throws IOException {
        try (Connection c = server.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT content FROM evidence_content WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return false;
                try (InputStream in = rs.getBinaryStream(1)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                return true;
            }
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public FileIntegrity verify(String sha256, long expectedSize) {
        try (Connection c = server.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT octet_length(content), encode(sha256(content), 'hex') FROM evidence_content WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return FileIntegrity.MISSING;
                return rs.getLong(1) == expectedSize && sha256.equals(rs.getString(2)) ? FileIntegrity.OK : FileIntegrity.ALTERED;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("服务器上的证据文件查不了 / cannot check the evidence file on the server: " + e.getMessage(), e);
        }
    }
}
