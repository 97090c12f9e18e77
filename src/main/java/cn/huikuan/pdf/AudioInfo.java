package cn.huikuan.pdf;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import java.nio.file.Path;

/** The playing time of a recording, where the JDK can read its header (WAV, AIFF, AU); null otherwise. */
final class AudioInfo {
    private AudioInfo() {
    }

    static String duration(String mediaType, Path file) {
        if (file == null || mediaType == null || !mediaType.startsWith("audio/")) return null;
        try {
            AudioFileFormat f = AudioSystem.getAudioFileFormat(file.toFile());
            long frames = f.getFrameLength();
            float rate = f.getFormat().getFrameRate();
            if (frames <= 0 || rate <= 0) return null;
            long s = Math.round(frames / (double) rate);
            return (s >= 3600 ? s / 3600 + "小时" : "") + (s % 3600 / 60) + "分" + (s % 60) + "秒";
        } catch (Exception | LinkageError e) {
            return null;   // an MP3, AMR or M4A: the JDK cannot tell; the page says nothing rather than guess
        }
    }
}
